import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import { AppError } from './errors.ts';
import { idempotencyKeys } from './idempotency.tables.ts';

/**
 * Safe retries of creating writes (RFC draft "The Idempotency-Key HTTP Header Field"): a client that
 * lost the answer sends the same request with the same key and gets the first answer again, not a
 * twin. The key row is written first, in the same transaction as the write, so:
 *  - a retry after the first try committed finds the stored answer;
 *  - a retry while the first try is still running waits on the key row's lock, then finds it;
 *  - a first try that failed rolled its key row back with it, so the retry simply runs.
 */
export const idempotencyKeyHeader = z
  .string()
  .min(1, 'must be 1 to 200 characters')
  .max(200, 'must be 1 to 200 characters')
  .optional();

export interface StoredAnswer<Body = unknown> {
  status: number;
  body: Body;
  location?: string;
}

export interface IdempotencyScope {
  personId: string;
  /** The Idempotency-Key header; without one the work just runs. */
  key: string | undefined;
  /** What is being done, e.g. `POST /api/v1/requests`: the same key for another operation is refused. */
  operation: string;
  /** The validated input: the same key with a different input is refused. */
  input: unknown;
}

export type Answered<Body> = StoredAnswer<Body> & { replayed: boolean };

/**
 * Runs `work` at most once per (person, key). Without a key, `work` runs on `db` as given and must be
 * atomic by itself (one statement, or its own transaction).
 */
export async function runIdempotently<Body>(
  db: Queryable,
  scope: IdempotencyScope,
  work: (tx: Queryable) => Promise<StoredAnswer<Body>>,
): Promise<Answered<Body>> {
  if (scope.key === undefined) return { ...(await work(db)), replayed: false };
  const key = scope.key;
  const fingerprint = fingerprintOf(scope.operation, scope.input);

  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ personId: scope.personId, key, fingerprint })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return replay<Body>(tx, scope.personId, key, fingerprint);

    const answer = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: answer.status, responseBody: answer.body, responseLocation: answer.location ?? null })
      .where(and(eq(idempotencyKeys.personId, scope.personId), eq(idempotencyKeys.key, key)));
    return { ...answer, replayed: false };
  });
}

/**
 * The answer a finished first try with this key and input got, or undefined. For a replay before
 * checks that could fail now but passed then (the catalog's form changed, a service was retired):
 * a client whose request exists must not be told it does not, or it files a twin.
 */
export async function findAnswered<Body>(db: Queryable, scope: IdempotencyScope): Promise<Answered<Body> | undefined> {
  if (scope.key === undefined) return undefined;
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.personId, scope.personId), eq(idempotencyKeys.key, scope.key)));
  if (!stored || stored.fingerprint !== fingerprintOf(scope.operation, scope.input) || stored.responseStatus === null) return undefined;
  return { status: stored.responseStatus, body: stored.responseBody as Body, location: stored.responseLocation ?? undefined, replayed: true };
}

async function replay<Body>(db: Queryable, personId: string, key: string, fingerprint: string): Promise<Answered<Body>> {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.personId, personId), eq(idempotencyKeys.key, key)));
  if (!stored || stored.fingerprint !== fingerprint) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used with a different body or operation; use a new key',
      [{ field: 'headers.idempotency-key', reason: 'was used for a different request' }],
    );
  }
  // Both are written in the transaction that claimed the key, so a committed row always has them.
  if (stored.responseStatus === null) throw new AppError('INTERNAL', 'an idempotency key has no stored answer');
  return {
    status: stored.responseStatus,
    body: stored.responseBody as Body,
    location: stored.responseLocation ?? undefined,
    replayed: true,
  };
}

/** The operation and a hash of its input in a canonical form, so key order in the JSON does not matter. */
export function fingerprintOf(operation: string, input: unknown): string {
  return `${operation} ${createHash('sha256').update(canonicalJson(input)).digest('base64url')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Sends a (possibly replayed) answer; a replay says so, which helps when reading client logs. */
export function sendAnswer<Body>(reply: FastifyReply, answer: Answered<Body>): FastifyReply {
  if (answer.location) reply.header('location', answer.location);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(answer.status).send(answer.body);
}

