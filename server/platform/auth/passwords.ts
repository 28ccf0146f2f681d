import argon2 from 'argon2';

/**
 * Each argon2id computation holds 64 MiB for tens of milliseconds. Unbounded, a burst of sign-ins
 * (or an attacker's) would take the process past its memory budget; two at a time keeps both cores
 * busy and the memory bounded, and the rest wait their turn.
 */
export const MAX_CONCURRENT_PASSWORD_CHECKS = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function withPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_PASSWORD_CHECKS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** How many password computations run right now; for tests. */
export const passwordChecksRunning = () => running;

// argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended family.
export function hashPassword(password: string): Promise<string> {
  return withPasswordSlot(() => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await withPasswordSlot(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}

/** Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('hallway-decoy-password');
  return decoyHash;
}
