import { describe, expect, it } from 'vitest';
import { approvalLinkPair, signApprovalLink, verifyApprovalLink } from './approval-links.ts';

const secret = 'test-secret-of-enough-length-000000';
const approvalId = '3f1c7a52-5d0e-4b7a-9c61-0a1b2c3d4e5f';
const deciderId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const now = new Date('2026-11-26T10:00:00Z');

describe('approval link tokens', () => {
  it('verify what they sign, until they expire', () => {
    const { approve, reject } = approvalLinkPair(secret, approvalId, deciderId, now);
    expect(verifyApprovalLink(secret, approve, now)).toMatchObject({ ok: true, claims: { approvalId, deciderId, decision: 'approve' } });
    expect(verifyApprovalLink(secret, reject, now)).toMatchObject({ ok: true, claims: { decision: 'reject' } });
    const late = new Date(now.getTime() + 7 * 24 * 3600 * 1000 + 1000);
    expect(verifyApprovalLink(secret, approve, late)).toEqual({ ok: false, reason: 'has expired; decide in Hallway instead' });
  });

  it('refuse another secret, a changed payload or signature, and garbage', () => {
    const token = signApprovalLink(secret, { approvalId, decision: 'approve', deciderId, expiresAt: new Date(now.getTime() + 60_000) });
    expect(verifyApprovalLink('another-secret', token, now).ok).toBe(false);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), d: 'reject' })).toString('base64url');
    expect(verifyApprovalLink(secret, `${forged}.${signature}`, now).ok).toBe(false);
    expect(verifyApprovalLink(secret, `${payload}.${signature}x`, now).ok).toBe(false);
    for (const garbage of ['', '.', 'a.b.c', 'not a token', `${payload}`]) expect(verifyApprovalLink(secret, garbage, now).ok).toBe(false);
  });
});
