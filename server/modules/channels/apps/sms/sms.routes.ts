import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../../app.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { publicUrl } from '../../../../platform/http/public-url.ts';
import { ReplayGuard } from '../../signatures/replay-guard.ts';
import type { SignatureCheck } from '../../signatures/signature-check.ts';
import { verifyGenericGatewayRequest } from '../../signatures/sms-gateway-generic.ts';
import { TWILIO_SIGNATURE_HEADER, verifyTwilioRequest } from '../../signatures/sms-gateway-twilio.ts';
import { findConnectionById, verifyWithConnectionSecrets, type ConnectionRow } from '../connections.service.ts';
import { receiveSms } from './sms-inbound.ts';
import { smsSettingsOf, type SmsSettings } from './sms-settings.ts';

const SMS_BODY_LIMIT_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
// Sized above the messages one process could take in the replay window (decision 0021).
const REPLAY_CAPACITY = 20_000;

/**
 * POST /api/v1/channels/sms/{connectionId}/inbound: a gateway's inbound-SMS webhook, form-encoded
 * From, To, Body and MessageSid. Believed only when its signature holds, checked on the raw bytes
 * before anything else; every refusal is the same 401 (the reason goes to the log only).
 */
export function smsRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const replayGuard = new ReplayGuard({ capacity: REPLAY_CAPACITY });
    // Scoped to this plugin: the signature covers the bytes as sent, so the body stays a Buffer.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: SMS_BODY_LIMIT_BYTES }, (_request, body, done) =>
      done(null, body),
    );

    app.withTypeProvider<ZodTypeProvider>().post(
      '/channels/sms/:connectionId/inbound',
      {
        config: { public: true },
        schema: {
          tags: ['channels'],
          summary: "An SMS gateway's inbound-message webhook",
          description:
            'Form-encoded From, To, Body and MessageSid. Twilio format: X-Twilio-Signature over the configured URL and the ' +
            'sorted parameters, answered with an empty TwiML <Response/>; generic format: a timestamp and HMAC-SHA256 header, ' +
            'answered 204. A repeated MessageSid changes nothing.',
          params: z.object({ connectionId: z.uuid() }),
          security: [],
        },
      },
      async (request, reply) => {
        const found = await findConnectionById(deps.database.db, request.params.connectionId);
        const connection = found?.kind === 'sms' && found.enabled ? found : undefined;
        const settings = connection ? smsSettingsOf(connection) : null;
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const check: SignatureCheck =
          connection && settings ? verifySms(request, rawBody, connection, settings, replayGuard) : { ok: false, reason: 'missing' };
        if (!check.ok) {
          request.log.warn({ connectionId: request.params.connectionId, reason: check.reason, known: Boolean(settings) }, 'sms webhook refused');
          throw new AppError('UNAUTHENTICATED', 'The request signature could not be verified');
        }
        const form = new URLSearchParams(rawBody.toString('utf8'));
        const from = form.get('From');
        const messageSid = form.get('MessageSid') ?? form.get('SmsSid');
        if (!from) throw fieldError('body.From', 'the sender number is missing');
        if (!messageSid || messageSid.length > 200) throw fieldError('body.MessageSid', 'the message id is missing or too long');
        const outcome = await receiveSms(deps.database, connection!, settings!, { from, body: form.get('Body') ?? '', messageSid });
        request.log.info({ connectionId: connection!.id, outcome: outcome.kind }, 'sms received');
        if (settings!.format === 'generic') return reply.code(204).send();
        return reply.code(200).type('text/xml; charset=utf-8').send(EMPTY_TWIML);
      },
    );
  };
}

/** Checked with the connection's secret, then its previous one while a rotation allows it. */
function verifySms(request: FastifyRequest, rawBody: Buffer, connection: ConnectionRow, settings: SmsSettings, replayGuard: ReplayGuard): SignatureCheck {
  if (settings.format === 'generic') {
    const signature = request.headers[settings.signatureHeader.toLowerCase()];
    const timestamp = request.headers[settings.timestampHeader.toLowerCase()];
    return verifyWithConnectionSecrets(connection, (secret) => verifyGenericGatewayRequest({ signature, timestamp, rawBody }, { secret, replayGuard }));
  }
  // The URL the gateway was given, never one rebuilt from this request (a proxy changes scheme, host and port).
  const inboundUrl = settings.inboundUrl ?? `${publicUrl()}/api/v1/channels/sms/${connection.id}/inbound`;
  const signature = request.headers[TWILIO_SIGNATURE_HEADER];
  return verifyWithConnectionSecrets(connection, (authToken) => verifyTwilioRequest({ signature, rawBody }, { authToken, publicUrl: inboundUrl, replayGuard }));
}
