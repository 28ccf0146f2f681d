import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signHallwayDelivery, verifyHallwayDelivery } from './hallway-delivery-signature.ts';
import { signGenericGatewayRequest, verifyGenericGatewayRequest } from './sms-gateway-generic.ts';
import { signSlackRequest, verifySlackRequest } from './slack-request.ts';
import { signTeamsRequest, verifyTeamsRequest } from './teams-outgoing-webhook.ts';

const T = 1764158400;
const now = () => T * 1000;
const TEAMS_TOKEN = Buffer.alloc(32, 9).toString('base64');

/** Any body bytes, and one bit of them to flip. */
const bodyAndBit = fc.uint8Array({ minLength: 1, maxLength: 512 }).chain((bytes) =>
  fc.record({ bytes: fc.constant(Buffer.from(bytes)), bit: fc.nat({ max: bytes.length * 8 - 1 }) }),
);
function flipped(bytes: Buffer, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}
/** A JSON activity Teams could send, with any text. */
function activity(text: string): Buffer {
  return Buffer.from(JSON.stringify({ type: 'message', id: 'a1', timestamp: '2025-11-26T12:00:00Z', text }), 'utf8');
}

describe('every scheme, over any body', () => {
  it('accepts what it signs and refuses it with any single bit changed', () => {
    fc.assert(
      fc.property(bodyAndBit, fc.string({ minLength: 1 }), ({ bytes, bit }, secret) => {
        const slack = signSlackRequest(secret, String(T), bytes);
        expect(verifySlackRequest({ signature: slack, timestamp: String(T), rawBody: bytes }, { signingSecret: secret, now })).toEqual({ ok: true });
        expect(verifySlackRequest({ signature: slack, timestamp: String(T), rawBody: flipped(bytes, bit) }, { signingSecret: secret, now }).ok).toBe(false);

        const gateway = signGenericGatewayRequest(secret, String(T), bytes);
        expect(verifyGenericGatewayRequest({ signature: gateway, timestamp: String(T), rawBody: bytes }, { secret, now })).toEqual({ ok: true });
        expect(verifyGenericGatewayRequest({ signature: gateway, timestamp: String(T), rawBody: flipped(bytes, bit) }, { secret, now }).ok).toBe(false);

        const hallway = signHallwayDelivery([secret], T, bytes);
        expect(verifyHallwayDelivery({ signature: hallway, rawBody: bytes }, { secrets: [secret], now })).toEqual({ ok: true });
        expect(verifyHallwayDelivery({ signature: hallway, rawBody: flipped(bytes, bit) }, { secrets: [secret], now }).ok).toBe(false);
      }),
    );
  });

  it('Teams: accepts a signed activity with any text and refuses it with any single bit changed', () => {
    const teamsNow = () => Date.parse('2025-11-26T12:00:00Z');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, bitSeed) => {
        const body = activity(text);
        const authorization = signTeamsRequest(TEAMS_TOKEN, body);
        expect(verifyTeamsRequest({ authorization, rawBody: body }, { securityToken: TEAMS_TOKEN, now: teamsNow })).toEqual({ ok: true });
        const changed = flipped(body, bitSeed % (body.length * 8));
        expect(verifyTeamsRequest({ authorization, rawBody: changed }, { securityToken: TEAMS_TOKEN, now: teamsNow }).ok).toBe(false);
      }),
    );
  });

  it('never throws on any header text, whatever it is', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (signature, timestamp) => {
        const body = Buffer.from('x');
        expect(verifySlackRequest({ signature, timestamp, rawBody: body }, { signingSecret: 's', now }).ok).toBe(false);
        expect(verifyGenericGatewayRequest({ signature, timestamp, rawBody: body }, { secret: 's', now }).ok).toBe(false);
        expect(verifyHallwayDelivery({ signature, rawBody: body }, { secrets: ['s'], now }).ok).toBe(false);
        expect(verifyTeamsRequest({ authorization: signature, rawBody: body }, { securityToken: TEAMS_TOKEN, now }).ok).toBe(false);
      }),
    );
  });
});
