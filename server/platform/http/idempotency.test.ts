import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './idempotency.ts';

describe('idempotency fingerprints', () => {
  it('ignore member order and absent members, and tell real differences apart', () => {
    const base = fingerprintOf('create request', { team: 'it', subject: 'x', tags: [1, 2] });
    expect(fingerprintOf('create request', { tags: [1, 2], subject: 'x', team: 'it', extra: undefined })).toBe(base);
    expect(fingerprintOf('create request', { team: 'it', subject: 'y', tags: [1, 2] })).not.toBe(base);
    expect(fingerprintOf('create request', { team: 'it', subject: 'x', tags: [2, 1] })).not.toBe(base);
    expect(fingerprintOf('change request', { team: 'it', subject: 'x', tags: [1, 2] })).not.toBe(base);
  });
});
