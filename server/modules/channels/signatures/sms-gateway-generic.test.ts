import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';
import { signGenericGatewayRequest, verifyGenericGatewayRequest } from './sms-gateway-generic.ts';

// Computed here, apart from this code: printf '%s' "1764158400.$BODY" | openssl dgst -sha256 -hmac gateway-shared-secret
const SECRET = 'gateway-shared-secret';
const TIMESTAMP = '1764158400';
const BODY = 'From=%2B4915112345678&To=%2B4930123456&Text=Dr%C3%BCcker+kaputt';
const SIGNATURE = '4a604bb1a1c8b0ac14585197363ad281b7f173648e2b3772b90b4e432f650f13';

const at = (seconds: number) => () => seconds * 1000;
const options = { secret: SECRET, now: at(Number(TIMESTAMP) + 10) };
const request = { signature: SIGNATURE, timestamp: TIMESTAMP, rawBody: BODY };

describe('the generic SMS gateway signature', () => {
  it('accepts hex HMAC-SHA256 of "<timestamp>.<body>", in either case, with or without a sha256= label', () => {
    expect(signGenericGatewayRequest(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(verifyGenericGatewayRequest(request, options)).toEqual({ ok: true });
    expect(verifyGenericGatewayRequest({ ...request, signature: SIGNATURE.toUpperCase() }, options)).toEqual({ ok: true });
    expect(verifyGenericGatewayRequest({ ...request, signature: `sha256=${SIGNATURE}` }, options)).toEqual({ ok: true });
  });

  it('signs raw bytes: a multibyte body decoded and re-encoded differently does not match', () => {
    const text = '{"from":"+4915112345678","text":"Drücker kaputt 😞"}';
    const signature = signGenericGatewayRequest(SECRET, TIMESTAMP, Buffer.from(text, 'utf8'));
    expect(verifyGenericGatewayRequest({ signature, timestamp: TIMESTAMP, rawBody: Buffer.from(text, 'utf8') }, options)).toEqual({ ok: true });
    expect(verifyGenericGatewayRequest({ signature, timestamp: TIMESTAMP, rawBody: Buffer.from(text, 'utf16le') }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses another secret, a tampered body and a changed timestamp', () => {
    expect(verifyGenericGatewayRequest({ ...request, signature: signGenericGatewayRequest('other', TIMESTAMP, BODY) }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyGenericGatewayRequest({ ...request, rawBody: BODY.replace('kaputt', 'ok') }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyGenericGatewayRequest({ ...request, timestamp: String(Number(TIMESTAMP) + 1) }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses missing and garbled headers, and a digest of the wrong length cleanly', () => {
    expect(verifyGenericGatewayRequest({ ...request, signature: undefined }, options)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyGenericGatewayRequest({ ...request, timestamp: '' }, options)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyGenericGatewayRequest({ ...request, signature: 'zz' }, options)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyGenericGatewayRequest({ ...request, timestamp: '2026-11-26T12:00:00Z' }, options)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyGenericGatewayRequest({ ...request, signature: SIGNATURE.slice(0, 62) }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp more than five minutes away, either way', () => {
    const sent = Number(TIMESTAMP);
    expect(verifyGenericGatewayRequest(request, { secret: SECRET, now: at(sent + 300) })).toEqual({ ok: true });
    expect(verifyGenericGatewayRequest(request, { secret: SECRET, now: at(sent + 301) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyGenericGatewayRequest(request, { secret: SECRET, now: at(sent - 301) })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses the same request twice inside the window', () => {
    const replayGuard = new ReplayGuard({ capacity: 10, now: options.now });
    const guarded = { ...options, replayGuard };
    expect(verifyGenericGatewayRequest(request, guarded)).toEqual({ ok: true });
    expect(verifyGenericGatewayRequest({ ...request, signature: SIGNATURE.toUpperCase() }, guarded)).toEqual({ ok: false, reason: 'replayed' });
  });
});
