import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_PASSWORD_CHECKS, hashPassword, passwordChecksRunning, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'wrong')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('never runs more than a few memory-hungry computations at once', async () => {
    const hash = await hashPassword('correct horse battery staple');
    let most = 0;
    const sampler = setInterval(() => {
      most = Math.max(most, passwordChecksRunning());
    }, 1);
    const results = await Promise.all(Array.from({ length: 8 }, () => verifyPassword(hash, 'correct horse battery staple')));
    clearInterval(sampler);
    expect(results.every(Boolean)).toBe(true);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_PASSWORD_CHECKS);
  });
});
