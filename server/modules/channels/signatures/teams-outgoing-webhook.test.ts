import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';
import { isTeamsSecurityToken, signTeamsRequest, verifyTeamsRequest } from './teams-outgoing-webhook.ts';

// Microsoft publishes no test vector for outgoing webhooks. This one was computed here, apart from
// this code: the token is base64 of the bytes 0x07..0x26, and
// printf '%s' "$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:0708...26 -binary | base64
const TOKEN = 'BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY=';
const BODY =
  '{"type":"message","id":"1764158400123","timestamp":"2026-11-26T12:00:00.1234567Z","text":"<at>Hallway</at> Der Drucker im 3. Stock — ne marche pas 😞","from":{"name":"Zoë Ñúñez"}}';
const AUTHORIZATION = 'HMAC EP60xU+FXjEmR7PwNPZJjSvLQqGYaYXZmasoqzNsmr4=';
const SENT_AT_MS = Date.parse('2026-11-26T12:00:00.123Z');

const at = (ms: number) => () => ms;
const options = { securityToken: TOKEN, now: at(SENT_AT_MS + 2_000) };

/** An activity as Teams would send it, signed with TOKEN. */
function signedActivity(activity: Record<string, unknown>) {
  const rawBody = JSON.stringify(activity);
  return { authorization: signTeamsRequest(TOKEN, rawBody), rawBody };
}

describe('a Teams outgoing webhook signature', () => {
  it('accepts the body signed with the decoded token, over its raw UTF-8 bytes', () => {
    expect(signTeamsRequest(TOKEN, Buffer.from(BODY, 'utf8'))).toBe(AUTHORIZATION);
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: Buffer.from(BODY, 'utf8') }, options)).toEqual({ ok: true });
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: BODY }, options)).toEqual({ ok: true });
  });

  it('refuses a re-serialised body, a tampered one, and one signed with another token', () => {
    const reserialised = JSON.stringify(JSON.parse(BODY)).replace('—', '\\u2014'); // same JSON value, other bytes
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: reserialised }, options)).toEqual({ ok: false, reason: 'mismatch' });
    const tampered = BODY.replace('3. Stock', '4. Stock');
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: tampered }, options)).toEqual({ ok: false, reason: 'mismatch' });
    const otherToken = Buffer.alloc(32, 1).toString('base64');
    expect(verifyTeamsRequest({ authorization: signTeamsRequest(otherToken, BODY), rawBody: BODY }, options)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('keys the HMAC with the decoded token, not its base64 text', () => {
    const keyedWithText = `HMAC ${createHmac('sha256', TOKEN).update(BODY).digest('base64')}`;
    expect(verifyTeamsRequest({ authorization: keyedWithText, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a missing or garbled Authorization header', () => {
    expect(verifyTeamsRequest({ authorization: undefined, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'missing' });
    for (const authorization of ['Bearer abc', 'HMAC', 'HMAC not*base64', `HMAC ${AUTHORIZATION.slice(5, -1)}`, 'EP60xU+FXjEmR7PwNPZJjSvLQqGYaYXZmasoqzNsmr4=']) {
      expect(verifyTeamsRequest({ authorization, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('accepts the scheme name in any case', () => {
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION.replace('HMAC', 'hmac'), rawBody: BODY }, options)).toEqual({ ok: true });
  });

  it('gives a clean mismatch for a digest of the wrong length', () => {
    const short = `HMAC ${Buffer.alloc(31).toString('base64')}`;
    const long = `HMAC ${Buffer.alloc(33).toString('base64')}`;
    expect(verifyTeamsRequest({ authorization: short, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyTeamsRequest({ authorization: long, rawBody: BODY }, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it("checks the window against the activity's own timestamp, both ways", () => {
    const request = { authorization: AUTHORIZATION, rawBody: BODY };
    expect(verifyTeamsRequest(request, { securityToken: TOKEN, now: at(SENT_AT_MS + 300_000) })).toEqual({ ok: true });
    expect(verifyTeamsRequest(request, { securityToken: TOKEN, now: at(SENT_AT_MS - 300_000) })).toEqual({ ok: true });
    expect(verifyTeamsRequest(request, { securityToken: TOKEN, now: at(SENT_AT_MS + 300_001) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyTeamsRequest(request, { securityToken: TOKEN, now: at(SENT_AT_MS - 300_001) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyTeamsRequest(request, { securityToken: TOKEN, toleranceSeconds: 1, now: at(SENT_AT_MS + 2_000) })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a correctly signed body that is not an activity with a timestamp', () => {
    const bodies = [
      { type: 'message', id: '1' },
      { type: 'message', id: '1', timestamp: 'yesterday' },
      { type: 'message', id: '1', timestamp: '2026-11-26' },
      { type: 'message', id: '1', timestamp: 1764158400 },
    ];
    for (const activity of bodies) {
      expect(verifyTeamsRequest(signedActivity(activity), options)).toEqual({ ok: false, reason: 'malformed' });
    }
    const notJson = { authorization: signTeamsRequest(TOKEN, 'text=hello'), rawBody: 'text=hello' };
    expect(verifyTeamsRequest(notJson, options)).toEqual({ ok: false, reason: 'malformed' });
    const notObject = { authorization: signTeamsRequest(TOKEN, '"2026-11-26T12:00:00Z"'), rawBody: '"2026-11-26T12:00:00Z"' };
    expect(verifyTeamsRequest(notObject, options)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses the same activity twice inside the window, by its id', () => {
    const replayGuard = new ReplayGuard({ capacity: 100, now: options.now });
    const guarded = { ...options, replayGuard };
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: BODY }, guarded)).toEqual({ ok: true });
    expect(verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: BODY }, guarded)).toEqual({ ok: false, reason: 'replayed' });
    const sameId = signedActivity({ type: 'message', id: '1764158400123', timestamp: '2026-11-26T12:00:01Z', text: 'again' });
    expect(verifyTeamsRequest(sameId, guarded)).toEqual({ ok: false, reason: 'replayed' });
    const otherId = signedActivity({ type: 'message', id: '1764158400999', timestamp: '2026-11-26T12:00:01Z', text: 'new' });
    expect(verifyTeamsRequest(otherId, guarded)).toEqual({ ok: true });
  });

  it('remembers an activity without an id by its signature', () => {
    const replayGuard = new ReplayGuard({ capacity: 100, now: options.now });
    const guarded = { ...options, replayGuard };
    const noId = signedActivity({ type: 'message', timestamp: '2026-11-26T12:00:01Z', text: 'hi' });
    expect(verifyTeamsRequest(noId, guarded)).toEqual({ ok: true });
    expect(verifyTeamsRequest(noId, guarded)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('tells a base64 security token from a mistyped one', () => {
    expect(isTeamsSecurityToken(TOKEN)).toBe(true);
    expect(isTeamsSecurityToken('not a token!')).toBe(false);
    expect(isTeamsSecurityToken('')).toBe(false);
    expect(() => verifyTeamsRequest({ authorization: AUTHORIZATION, rawBody: BODY }, { securityToken: 'not a token!' })).toThrow(TypeError);
  });
});
