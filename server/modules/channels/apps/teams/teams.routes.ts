import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../../app.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { ReplayGuard } from '../../signatures/replay-guard.ts';
import type { SignatureCheck } from '../../signatures/signature-check.ts';
import { isTeamsSecurityToken, TEAMS_AUTHORIZATION_HEADER, verifyTeamsRequest } from '../../signatures/teams-outgoing-webhook.ts';
import { findConnectionById, verifyWithConnectionSecrets, type ConnectionRow } from '../connections.service.ts';
import { identityRoutes } from '../identities/identities.routes.ts';
import { parseTeamsActivity } from './teams-activity.ts';
import { receiveTeamsMessage, teamsAnswerText } from './teams-inbound.ts';

const TEAMS_BODY_LIMIT_BYTES = 256 * 1024;
// Sized above the messages one process could take in the replay window (decision 0021).
const REPLAY_CAPACITY = 20_000;

const teamsAnswer = z.object({ type: z.literal('message'), text: z.string() });

/**
 * POST /api/v1/channels/teams/{connectionId}: a Microsoft Teams outgoing webhook. Teams signs the raw
 * body (`Authorization: HMAC <base64>`, keyed with the webhook's security token) and waits at most
 * 5 seconds for a message activity, which Hallway answers with the request's key. Every refusal of
 * the signature is the same 401; the reason goes to the log only.
 */
export function teamsRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    // Siblings, so the webhook's raw-body parser stays in its own context and /me/identities reads JSON.
    await app.register(teamsWebhookRoutes(deps));
    await app.register(identityRoutes(deps));
  };
}

function teamsWebhookRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const replayGuard = new ReplayGuard({ capacity: REPLAY_CAPACITY });
    // Scoped to this plugin: the signature covers the bytes as sent, so JSON is parsed only after the check.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: TEAMS_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));

    app.withTypeProvider<ZodTypeProvider>().post(
      '/channels/teams/:connectionId',
      {
        // Teams' Authorization header is its own scheme, not a Hallway token: the route checks it.
        config: { public: true, peerSignedAuthorization: true },
        schema: {
          tags: ['channels'],
          summary: 'A Microsoft Teams outgoing webhook',
          description:
            'A Bot Framework message activity, signed with `Authorization: HMAC <base64 HMAC-SHA256 of the raw body>` keyed ' +
            "with the webhook's security token. Answered at once with a message naming the request filed or commented on. " +
            'A repeated activity id changes nothing.',
          params: z.object({ connectionId: z.uuid() }),
          response: { 200: teamsAnswer },
          security: [],
        },
      },
      async (request) => {
        const found = await findConnectionById(deps.database.db, request.params.connectionId);
        const connection = found?.kind === 'teams' && found.enabled ? found : undefined;
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const check: SignatureCheck = connection ? verifyTeams(request.headers[TEAMS_AUTHORIZATION_HEADER], rawBody, connection, replayGuard) : { ok: false, reason: 'missing' };
        if (!check.ok) {
          request.log.warn({ connectionId: request.params.connectionId, reason: check.reason, known: Boolean(connection) }, 'teams webhook refused');
          throw new AppError('UNAUTHENTICATED', 'The request signature could not be verified');
        }
        const parsed = parseTeamsActivity(rawBody);
        if (!parsed.ok) throw fieldError(parsed.field, parsed.reason);
        const outcome = await receiveTeamsMessage(deps.database, connection!, parsed.activity);
        request.log.info({ connectionId: connection!.id, outcome: outcome.kind }, 'teams message received');
        return { type: 'message' as const, text: teamsAnswerText(outcome) };
      },
    );
  };
}

/** Checked with the connection's token, then its previous one while a rotation allows it. */
function verifyTeams(authorization: string | string[] | undefined, rawBody: Buffer, connection: ConnectionRow, replayGuard: ReplayGuard): SignatureCheck {
  // A token that is not base64 (refused when saved, but rows can be written otherwise) matches nothing.
  return verifyWithConnectionSecrets(connection, (securityToken) =>
    isTeamsSecurityToken(securityToken) ? verifyTeamsRequest({ authorization, rawBody }, { securityToken, replayGuard }) : { ok: false, reason: 'mismatch' },
  );
}
