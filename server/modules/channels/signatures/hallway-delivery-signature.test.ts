import { describe, expect, it } from 'vitest';
import { signHallwayDelivery, verifyHallwayDelivery } from './hallway-delivery-signature.ts';
import { ReplayGuard } from './replay-guard.ts';

// Computed here, apart from this code: printf '%s' "1764158400.$BODY" | openssl dgst -sha256 -hmac <secret>
const BODY = '{"event":"request.commented","request":"IT-42","comment":"Der Drucker im 3. Stock — ça marche 😊"}';
const T = 1764158400;
const NEW_SECRET = 'whsec-new-2026';
const OLD_SECRET = 'whsec-old-2025';
const V1_NEW = 'f2e70e85b2462bb1de3f11a3b7c946b704b34676a3c3979b9b7eabeae6f69f9f';
const V1_OLD = '0c43d708c1b18c348d8bd0244532a96000bd7c136224198a3fc51fc69258abce';

const at = (seconds: number) => () => seconds * 1000;
const now = at(T + 5);

describe("Hallway's signature on its own deliveries", () => {
  it('signs t and one v1 per live secret over the raw UTF-8 body', () => {
    expect(signHallwayDelivery([NEW_SECRET], T, BODY)).toBe(`t=${T},v1=${V1_NEW}`);
    expect(signHallwayDelivery([NEW_SECRET, OLD_SECRET], T, Buffer.from(BODY, 'utf8'))).toBe(`t=${T},v1=${V1_NEW},v1=${V1_OLD}`);
  });

  it('is accepted by a receiver holding the old secret or the new one during a rotation', () => {
    const signature = signHallwayDelivery([NEW_SECRET, OLD_SECRET], T, BODY);
    expect(verifyHallwayDelivery({ signature, rawBody: BODY }, { secrets: [NEW_SECRET], now })).toEqual({ ok: true });
    expect(verifyHallwayDelivery({ signature, rawBody: BODY }, { secrets: [OLD_SECRET], now })).toEqual({ ok: true });
    const onlyNew = signHallwayDelivery([NEW_SECRET], T, BODY);
    expect(verifyHallwayDelivery({ signature: onlyNew, rawBody: BODY }, { secrets: [OLD_SECRET, NEW_SECRET], now })).toEqual({ ok: true });
    expect(verifyHallwayDelivery({ signature: onlyNew, rawBody: BODY }, { secrets: [OLD_SECRET], now })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a tampered body, a re-serialised one, and a t changed after signing', () => {
    const signature = `t=${T},v1=${V1_NEW}`;
    const options = { secrets: [NEW_SECRET], now };
    expect(verifyHallwayDelivery({ signature, rawBody: BODY.replace('IT-42', 'IT-43') }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyHallwayDelivery({ signature, rawBody: JSON.stringify(JSON.parse(BODY), null, 2) }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyHallwayDelivery({ signature: `t=${T + 1},v1=${V1_NEW}`, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reads the fields in any order, with spaces, in either hex case, ignoring fields it does not know', () => {
    const options = { secrets: [NEW_SECRET], now };
    for (const signature of [`v1=${V1_NEW},t=${T}`, ` t=${T} , v1=${V1_NEW.toUpperCase()} `, `t=${T},v0=deadbeef,v1=${V1_NEW},v2=whatever`]) {
      expect(verifyHallwayDelivery({ signature, rawBody: BODY }, options)).toEqual({ ok: true });
    }
  });

  it('refuses a missing or garbled header', () => {
    const options = { secrets: [NEW_SECRET], now };
    expect(verifyHallwayDelivery({ signature: undefined, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'missing' });
    const garbled = [
      V1_NEW, // no fields at all
      `v1=${V1_NEW}`, // no t
      `t=${T}`, // no v1
      `t=${T},t=${T},v1=${V1_NEW}`,
      `t=${T},v1=not-hex`,
      `t=${T}.5,v1=${V1_NEW}`,
      `t=${T};v1=${V1_NEW}`,
      `t=${T},,v1=${V1_NEW}`,
    ];
    for (const signature of garbled) {
      expect(verifyHallwayDelivery({ signature, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('gives a clean mismatch for a v1 of the wrong length', () => {
    const options = { secrets: [NEW_SECRET], now };
    for (const v1 of [V1_NEW.slice(0, 62), `${V1_NEW}00`, 'ab']) {
      expect(verifyHallwayDelivery({ signature: `t=${T},v1=${v1}`, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
    }
  });

  it('refuses a t more than five minutes away either way, or outside a configured window', () => {
    const delivery = { signature: `t=${T},v1=${V1_NEW}`, rawBody: BODY };
    expect(verifyHallwayDelivery(delivery, { secrets: [NEW_SECRET], now: at(T + 300) })).toEqual({ ok: true });
    expect(verifyHallwayDelivery(delivery, { secrets: [NEW_SECRET], now: at(T + 301) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyHallwayDelivery(delivery, { secrets: [NEW_SECRET], now: at(T - 301) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyHallwayDelivery(delivery, { secrets: [NEW_SECRET], toleranceSeconds: 4, now: at(T + 5) })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses the same delivery twice inside the window', () => {
    const replayGuard = new ReplayGuard({ capacity: 10, now });
    const options = { secrets: [NEW_SECRET, OLD_SECRET], now, replayGuard };
    const delivery = { signature: signHallwayDelivery([NEW_SECRET, OLD_SECRET], T, BODY), rawBody: BODY };
    expect(verifyHallwayDelivery(delivery, options)).toEqual({ ok: true });
    expect(verifyHallwayDelivery(delivery, options)).toEqual({ ok: false, reason: 'replayed' });
    // The same delivery stripped to its old-secret signature is still the same delivery.
    expect(verifyHallwayDelivery({ signature: `t=${T},v1=${V1_OLD}`, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('will not sign without a secret or with a timestamp that is not whole seconds', () => {
    expect(() => signHallwayDelivery([], T, BODY)).toThrow(RangeError);
    expect(() => signHallwayDelivery([NEW_SECRET], 1764158400.5, BODY)).toThrow(RangeError);
  });
});
