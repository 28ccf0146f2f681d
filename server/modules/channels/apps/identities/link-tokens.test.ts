import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIdentityLink, verifyIdentityLink } from './link-tokens.ts';

// The signed link an unknown chat-app writer is given: who it names, and every way it is refused.

const SECRET = 'identity-link-test-secret';
const now = new Date('2026-03-02T10:00:00Z');
const claims = {
  connectionId: '0b5e7f3c-8a1d-4c2e-9f00-1234567890ab',
  externalUserId: 'aad-7f1c',
  externalName: 'Emma Employee',
  expiresAt: new Date('2026-03-02T10:30:00Z'),
};

describe('identity link tokens', () => {
  it('give back the connection, the outside user and the name they were signed with', () => {
    expect(verifyIdentityLink(SECRET, signIdentityLink(SECRET, claims), now)).toEqual({ ok: true, claims });
    const nameless = { ...claims, externalName: null };
    expect(verifyIdentityLink(SECRET, signIdentityLink(SECRET, nameless), now)).toEqual({ ok: true, claims: nameless });
  });

  it('refuse another secret, a changed payload, an expired token and a malformed one', () => {
    const token = signIdentityLink(SECRET, claims);
    expect(verifyIdentityLink('another-secret', token, now)).toMatchObject({ ok: false, reason: expect.stringContaining('not a link Hallway signed') });
    const [, signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ c: claims.connectionId, u: 'someone-else', n: 'X', e: 1_900_000_000 })).toString('base64url');
    expect(verifyIdentityLink(SECRET, `${changed}.${signature}`, now)).toMatchObject({ ok: false, reason: expect.stringContaining('changed') });
    expect(verifyIdentityLink(SECRET, token, claims.expiresAt)).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
    for (const malformed of ['', 'abc', 'a.b.c', `${Buffer.from('not json').toString('base64url')}.x`]) {
      expect(verifyIdentityLink(SECRET, malformed, now).ok, malformed).toBe(false);
    }
  });

  it('refuse a correctly signed payload that does not name a connection and a user', () => {
    const payload = Buffer.from(JSON.stringify({ c: 'not-a-uuid', u: '', n: 1, e: 'soon' })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(`hallway identity link\n${payload}`).digest('base64url');
    expect(verifyIdentityLink(SECRET, `${payload}.${signature}`, now)).toEqual({ ok: false, reason: 'is not an account link token' });
  });
});
