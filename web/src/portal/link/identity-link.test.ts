import { describe, expect, it } from 'vitest';
import { nextPage } from '../sign-in/next-page.ts';
import { codeForDisplay, linkCodeMessage, readIdentityLink, signInToReturn } from './identity-link.ts';

// The link page reads the chat-app token from the address's fragment, only to choose its words,
// and keeps it through sign-in.

const base64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const tokenOf = (claims: Record<string, unknown>) => `${base64Url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
const now = new Date('2026-03-02T10:00:00Z');
const future = Math.floor(now.getTime() / 1000) + 1800;

describe('readIdentityLink', () => {
  it('reads the Teams name and expiry of a token, accents included', () => {
    const token = tokenOf({ c: 'conn', u: 'aad-1', n: 'Zoë Ångström', e: future });
    expect(readIdentityLink(`#${token}`, now)).toEqual({ ok: true, token, externalName: 'Zoë Ångström', expiresAt: new Date(future * 1000) });
    expect(readIdentityLink(`#${tokenOf({ c: 'conn', u: 'aad-1', n: null, e: future })}`, now)).toMatchObject({ ok: true, externalName: null });
  });

  it('says so for an expired link', () => {
    expect(readIdentityLink(`#${tokenOf({ c: 'conn', u: 'aad-1', n: 'A', e: future - 3600 })}`, now)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a cut-off or made-up fragment', () => {
    for (const hash of ['', '#', '#abc', '#a.b.c', `#${tokenOf({ c: 'conn', u: '', n: 'A', e: future })}`, `#${tokenOf({ d: 'approve', e: future })}`, '#%%%.sig']) {
      expect(readIdentityLink(hash, now), hash).toEqual({ ok: false, problem: 'incomplete' });
    }
  });
});

describe('signInToReturn', () => {
  it('comes back to the link page with the token after signing in', () => {
    const token = tokenOf({ c: 'conn', u: 'aad-1', n: 'A', e: future });
    const signIn = new URL(signInToReturn('/link/teams', `#${token}`), 'http://hallway.test');
    expect(signIn.pathname).toBe('/sign-in');
    const next = nextPage(signIn.searchParams.get('next'));
    expect(next).toBe(`/link/teams#${token}`);
    expect(readIdentityLink(new URL(next, 'http://hallway.test').hash, now)).toMatchObject({ ok: true, token });
  });
});

describe('the code to write back from the chat app', () => {
  it('is shown in two groups of four and copied as the whole message to write', () => {
    expect(codeForDisplay('ABCD2345')).toBe('ABCD 2345');
    expect(linkCodeMessage('ABCD2345')).toBe('link ABCD2345');
  });

  it('is shown as it came when it is not eight characters', () => {
    expect(codeForDisplay('ABC')).toBe('ABC');
  });
});
