import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';
import { signSlackRequest, verifySlackRequest } from './slack-request.ts';

// Slack's worked example, "Verifying requests from Slack"
// (https://api.slack.com/authentication/verifying-requests-from-slack).
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = '1531420618';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

// Computed here, independently of this code: printf '%s' 'v0:1764158400:<body>' | openssl dgst -sha256 -hmac 'hallway-test-signing-secret'
const SECRET = 'hallway-test-signing-secret';
const TIMESTAMP = '1764158400';
const MULTIBYTE_BODY = '{"text":"Drucker im 3. Stock druckt nicht — ça ne marche pas 😞"}';
const MULTIBYTE_SIGNATURE = 'v0=946abfb456ce179136fdb2405286a0e133e3356ef28ba4fab6b8ae3697817cbc';

const at = (seconds: number) => () => seconds * 1000;
const sentAt = at(Number(TIMESTAMP));

describe("Slack's request signature", () => {
  it("accepts Slack's own published example, at the time it was signed", () => {
    expect(signSlackRequest(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).toBe(DOC_SIGNATURE);
    const check = verifySlackRequest(
      { signature: DOC_SIGNATURE, timestamp: DOC_TIMESTAMP, rawBody: DOC_BODY },
      { signingSecret: DOC_SECRET, now: at(Number(DOC_TIMESTAMP) + 30) },
    );
    expect(check).toEqual({ ok: true });
  });

  it('signs the raw UTF-8 bytes of a multibyte body, and a re-serialised body does not match', () => {
    const bytes = Buffer.from(MULTIBYTE_BODY, 'utf8');
    expect(signSlackRequest(SECRET, TIMESTAMP, bytes)).toBe(MULTIBYTE_SIGNATURE);
    const options = { signingSecret: SECRET, now: sentAt };
    expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: bytes }, options)).toEqual({ ok: true });
    // JSON.stringify escapes nothing here, but spacing differs: the same data, other bytes.
    const reserialised = JSON.stringify(JSON.parse(MULTIBYTE_BODY), null, 1);
    expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: reserialised }, options)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    // Latin-1 decoding of the same bytes (a framework guessing the charset) changes them too.
    const misdecoded = Buffer.from(bytes.toString('latin1'), 'utf8');
    expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: misdecoded }, options).ok).toBe(false);
  });

  it('refuses a signature made with another secret, and a tampered body', () => {
    const options = { signingSecret: SECRET, now: sentAt };
    const wrongSecret = signSlackRequest('someone-else', TIMESTAMP, MULTIBYTE_BODY);
    expect(verifySlackRequest({ signature: wrongSecret, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY }, options)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const tampered = MULTIBYTE_BODY.replace('3. Stock', '4. Stock');
    expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: tampered }, options)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a timestamp changed after signing, even inside the window', () => {
    const later = String(Number(TIMESTAMP) + 1);
    const check = verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: later, rawBody: MULTIBYTE_BODY }, { signingSecret: SECRET, now: sentAt });
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('says which header is missing or garbled, without checking anything else', () => {
    const options = { signingSecret: SECRET, now: sentAt };
    const body = MULTIBYTE_BODY;
    expect(verifySlackRequest({ signature: undefined, timestamp: TIMESTAMP, rawBody: body }, options)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: undefined, rawBody: body }, options)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySlackRequest({ signature: '  ', timestamp: TIMESTAMP, rawBody: body }, options)).toEqual({ ok: false, reason: 'missing' });
    const garbled = [
      MULTIBYTE_SIGNATURE.slice(3), // no v0= prefix
      MULTIBYTE_SIGNATURE.replace('v0=', 'v1='),
      'v0=not-hex-at-all',
      `${MULTIBYTE_SIGNATURE}z`,
    ];
    for (const signature of garbled) {
      expect(verifySlackRequest({ signature, timestamp: TIMESTAMP, rawBody: body }, options)).toEqual({ ok: false, reason: 'malformed' });
    }
    for (const timestamp of ['1764158400.5', '-1764158400', 'yesterday', '1e9']) {
      expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp, rawBody: body }, options)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(verifySlackRequest({ signature: [MULTIBYTE_SIGNATURE, MULTIBYTE_SIGNATURE], timestamp: TIMESTAMP, rawBody: body }, options)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('gives a clean mismatch for a signature of the wrong length (timingSafeEqual would throw)', () => {
    const options = { signingSecret: SECRET, now: sentAt };
    for (const signature of [MULTIBYTE_SIGNATURE.slice(0, -2), `${MULTIBYTE_SIGNATURE}00`, 'v0=ab']) {
      expect(verifySlackRequest({ signature, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
    }
  });

  it('accepts the hex digest in upper or lower case', () => {
    const options = { signingSecret: SECRET, now: sentAt };
    const upper = `v0=${MULTIBYTE_SIGNATURE.slice(3).toUpperCase()}`;
    expect(verifySlackRequest({ signature: upper, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY }, options)).toEqual({ ok: true });
    expect(verifySlackRequest({ signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY }, options)).toEqual({ ok: true });
  });

  it('accepts five minutes either way and refuses a second more, in both directions', () => {
    const request = { signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY };
    const sent = Number(TIMESTAMP);
    expect(verifySlackRequest(request, { signingSecret: SECRET, now: at(sent + 300) })).toEqual({ ok: true });
    expect(verifySlackRequest(request, { signingSecret: SECRET, now: at(sent - 300) })).toEqual({ ok: true });
    expect(verifySlackRequest(request, { signingSecret: SECRET, now: at(sent + 301) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifySlackRequest(request, { signingSecret: SECRET, now: at(sent - 301) })).toEqual({ ok: false, reason: 'expired' });
  });

  it('uses a configured window instead of five minutes', () => {
    const request = { signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY };
    const sent = Number(TIMESTAMP);
    expect(verifySlackRequest(request, { signingSecret: SECRET, toleranceSeconds: 60, now: at(sent + 61) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifySlackRequest(request, { signingSecret: SECRET, toleranceSeconds: 600, now: at(sent + 599) })).toEqual({ ok: true });
  });

  it('refuses the same signed request a second time inside the window, however its hex is written', () => {
    const replayGuard = new ReplayGuard({ capacity: 100, now: sentAt });
    const options = { signingSecret: SECRET, now: sentAt, replayGuard };
    const request = { signature: MULTIBYTE_SIGNATURE, timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY };
    expect(verifySlackRequest(request, options)).toEqual({ ok: true });
    expect(verifySlackRequest(request, options)).toEqual({ ok: false, reason: 'replayed' });
    const upper = { ...request, signature: `v0=${MULTIBYTE_SIGNATURE.slice(3).toUpperCase()}` };
    expect(verifySlackRequest(upper, options)).toEqual({ ok: false, reason: 'replayed' });
    // Another request (a new timestamp, so a new signature) is not a replay.
    const next = String(Number(TIMESTAMP) + 1);
    const other = { signature: signSlackRequest(SECRET, next, MULTIBYTE_BODY), timestamp: next, rawBody: MULTIBYTE_BODY };
    expect(verifySlackRequest(other, options)).toEqual({ ok: true });
  });

  it('does not remember a refused request, so a forgery cannot block the genuine one', () => {
    const replayGuard = new ReplayGuard({ capacity: 100, now: sentAt });
    const options = { signingSecret: SECRET, now: sentAt, replayGuard };
    const forged = { signature: signSlackRequest('attacker', TIMESTAMP, MULTIBYTE_BODY), timestamp: TIMESTAMP, rawBody: MULTIBYTE_BODY };
    expect(verifySlackRequest(forged, options).ok).toBe(false);
    expect(replayGuard.size).toBe(0);
    expect(verifySlackRequest({ ...forged, signature: MULTIBYTE_SIGNATURE }, options)).toEqual({ ok: true });
  });
});
