import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';
import { signTwilioRequest, twilioSigningString, urlsTheGatewayMayHaveSigned, verifyTwilioRequest } from './sms-gateway-twilio.ts';

// Twilio's worked example ("Security", https://www.twilio.com/docs/usage/security#validating-requests):
// auth token 12345, this URL and these parameters sign to 0/KCTR6DLpKmkAf8muzZqo1nDgQ=.
const DOC_TOKEN = '12345';
const DOC_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOC_BODY = 'To=%2B18005551212&CallSid=CA1234567890ABCDE&Digits=1234&From=%2B12349013030&Caller=%2B12349013030'; // deliberately unsorted
const DOC_SIGNATURE = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

// Computed here with Python's hmac and urllib.parse, apart from this code.
const TOKEN = 'hallway-sms-auth-token';
const URL = 'https://desk.example.com/channels/sms/inbound';
const BODY = 'To=%2B4930123456&From=%2B4915112345678&Body=Dr%C3%BCcker+im+3.+Stock+kaputt+%F0%9F%98%9E&MessageSid=SM0123456789abcdef0123456789abcdef';
const SIGNATURE = 'LL3ykLp98PZdZoXs92r+M4ucwgk=';

const options = { authToken: TOKEN, publicUrl: URL };

describe('a Twilio-style SMS webhook signature', () => {
  it("accepts Twilio's own published example", () => {
    expect(signTwilioRequest(DOC_TOKEN, DOC_URL, DOC_BODY)).toBe(DOC_SIGNATURE);
    expect(verifyTwilioRequest({ signature: DOC_SIGNATURE, rawBody: DOC_BODY }, { authToken: DOC_TOKEN, publicUrl: DOC_URL })).toEqual({ ok: true });
  });

  it('signs the decoded parameters in name order, multibyte text included', () => {
    expect(twilioSigningString(URL, new URLSearchParams(BODY))).toBe(
      `${URL}BodyDrücker im 3. Stock kaputt 😞From+4915112345678MessageSidSM0123456789abcdef0123456789abcdefTo+4930123456`,
    );
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: Buffer.from(BODY, 'utf8') }, options)).toEqual({ ok: true });
  });

  it('refuses another token, a changed parameter, an added one, and another URL', () => {
    expect(verifyTwilioRequest({ signature: signTwilioRequest('other', URL, BODY), rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY.replace('3.', '4.') }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: `${BODY}&NumMedia=0` }, options)).toEqual({ ok: false, reason: 'mismatch' });
    const elsewhere = { authToken: TOKEN, publicUrl: 'https://desk.example.com/channels/sms/inbound?team=it' };
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, elsewhere)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses the URL as seen behind a TLS-terminating proxy: the configured public URL is what was signed', () => {
    const asSeenByTheApp = { authToken: TOKEN, publicUrl: 'http://desk.example.com/channels/sms/inbound' };
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, asSeenByTheApp)).toEqual({ ok: false, reason: 'mismatch' });
    const internalHost = { authToken: TOKEN, publicUrl: 'http://hallway-app:3000/channels/sms/inbound' };
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, internalHost)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts the URL signed with or without its port, as Twilio has done both', () => {
    const withPort = { authToken: TOKEN, publicUrl: 'https://desk.example.com:443/channels/sms/inbound' };
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, withPort)).toEqual({ ok: true });
    const signedWithPort = signTwilioRequest(TOKEN, 'https://desk.example.com:443/channels/sms/inbound', BODY);
    expect(verifyTwilioRequest({ signature: signedWithPort, rawBody: BODY }, options)).toEqual({ ok: true });
    expect(urlsTheGatewayMayHaveSigned('http://sms.example.com/in?x=1')).toEqual(['http://sms.example.com/in?x=1', 'http://sms.example.com:80/in?x=1']);
    expect(urlsTheGatewayMayHaveSigned('https://sms.example.com:8443/in')).toEqual(['https://sms.example.com:8443/in', 'https://sms.example.com/in']);
    const signedWithoutOtherPort = { authToken: TOKEN, publicUrl: 'https://desk.example.com:8443/channels/sms/inbound' };
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, signedWithoutOtherPort)).toEqual({ ok: true });
    expect(urlsTheGatewayMayHaveSigned('not a url')).toEqual(['not a url']);
    expect(urlsTheGatewayMayHaveSigned('https://[2001:db8::1]:443/in')).toEqual(['https://[2001:db8::1]:443/in', 'https://[2001:db8::1]/in']);
  });

  it('signs a repeated parameter once per value, values in order', () => {
    const form = new URLSearchParams('MediaUrl=https%3A%2F%2Fb&From=%2B1&MediaUrl=https%3A%2F%2Fa');
    expect(twilioSigningString('https://x/', form)).toBe('https://x/From+1MediaUrlhttps://aMediaUrlhttps://b');
  });

  it('refuses a missing or garbled header, and a digest of the wrong length cleanly', () => {
    expect(verifyTwilioRequest({ signature: undefined, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyTwilioRequest({ signature: '', rawBody: BODY }, options)).toEqual({ ok: false, reason: 'missing' });
    for (const signature of ['not base64!', SIGNATURE.slice(0, -1), [SIGNATURE, SIGNATURE]]) {
      expect(verifyTwilioRequest({ signature, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(verifyTwilioRequest({ signature: Buffer.alloc(32).toString('base64'), rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses the same message twice while remembered, by its MessageSid', () => {
    let nowMs = 0;
    const replayGuard = new ReplayGuard({ capacity: 100, now: () => nowMs });
    const guarded = { ...options, replayGuard, rememberForSeconds: 600, now: () => nowMs };
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, guarded)).toEqual({ ok: true });
    nowMs = 599_000;
    expect(verifyTwilioRequest({ signature: SIGNATURE, rawBody: BODY }, guarded)).toEqual({ ok: false, reason: 'replayed' });
    const next = BODY.replace('SM0123456789abcdef0123456789abcdef', 'SMffffffffffffffffffffffffffffffff');
    expect(verifyTwilioRequest({ signature: signTwilioRequest(TOKEN, URL, next), rawBody: next }, guarded)).toEqual({ ok: true });
  });
});
