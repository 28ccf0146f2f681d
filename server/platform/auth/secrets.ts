import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable secret for cookies, tokens and signed links: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets are high-entropy, so a fast hash is enough to keep them useless to someone who reads the
 * database (a slow password hash would only slow every authenticated request).
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
