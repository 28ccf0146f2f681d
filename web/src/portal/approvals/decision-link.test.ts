import { describe, expect, it } from 'vitest';
import { readDecisionLink } from './decision-link.ts';

// The one-click page reads the mailed token from the address's fragment, only to choose its words.

const base64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const tokenOf = (claims: Record<string, unknown>) => `${base64Url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
const now = new Date('2026-03-02T10:00:00Z');
const future = Math.floor(now.getTime() / 1000) + 3600;

describe('readDecisionLink', () => {
  it('reads the decision and expiry of a mailed token', () => {
    const token = tokenOf({ a: 'x', d: 'reject', p: 'y', e: future });
    expect(readDecisionLink(`#${token}`, now)).toEqual({ ok: true, token, decision: 'reject', expiresAt: new Date(future * 1000) });
  });

  it('says so for an expired link', () => {
    expect(readDecisionLink(`#${tokenOf({ d: 'approve', e: future - 7200 })}`, now)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a cut-off or made-up fragment', () => {
    for (const hash of ['', '#', '#abc', '#a.b.c', `#${tokenOf({ d: 'delete', e: future })}`, '#%%%.sig']) {
      expect(readDecisionLink(hash, now), hash).toEqual({ ok: false, problem: 'incomplete' });
    }
  });
});
