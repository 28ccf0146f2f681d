import type { Actor } from '../../platform/auth/actor.ts';
import { mayHoldScope, type TokenScope } from '../../platform/auth/api-token-scopes.ts';
import { issueApiToken, type IssuedApiToken } from '../../platform/auth/api-tokens.ts';
import {
  deleteExpiredSessionsOfPerson,
  deleteSession,
  insertSession,
  selectSessionCsrfToken,
} from '../../platform/auth/credentials.store.ts';
import { decoyPasswordHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { hashSecret, newSecret } from '../../platform/auth/secrets.ts';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { findPersonByEmail, findPersonById, membershipsOfPerson, setRecognitionOf } from '../people/people.service.ts';
import { canRevokeToken } from './auth.policy.ts';
import type { ApiTokenView, CreateTokenBody, MeView, UpdateMeBody } from './auth.schema.ts';
import * as store from './auth.store.ts';
import { SIGN_IN_WINDOW_MS, signInLockout } from './sign-in-throttle.ts';

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60_000;

export interface SignedIn {
  person: { id: string; email: string; name: string; isAdmin: boolean };
  /** Goes into the cookie; only its hash is stored. */
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks the lockout before the password, so a right guess during a lockout is refused like a
 * wrong one, and an unknown address costs the same argon2 work as a known one.
 */
export async function signIn(
  db: Db,
  attempt: { email: string; password: string; ipAddress: string },
  now = new Date(),
): Promise<SignedIn> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  // The attempt is counted as a failure before the password is checked, in a transaction that
  // holds a lock on the e-mail address: parallel guesses take turns at the count, so they cannot
  // all slip under the limit. A right password then forgives it (below).
  await db.transaction(async (tx) => {
    await store.lockSignInsOf(tx, attempt.email);
    const lockout = signInLockout(await store.selectRecentFailures(tx, attempt.email, attempt.ipAddress, windowStart), now);
    if (lockout.locked) {
      throw new AppError(
        'TOO_MANY_SIGN_IN_ATTEMPTS',
        `Too many failed sign-ins; try again in ${lockout.retryAfterSeconds} seconds`,
        undefined,
        { retryAfterSeconds: lockout.retryAfterSeconds },
      );
    }
    await store.insertFailure(tx, attempt.email, attempt.ipAddress, now, windowStart);
  });

  const person = await findPersonByEmail(db, attempt.email);
  const usable = person?.active && person.passwordHash ? person : undefined;
  const matches = await verifyPassword(usable?.passwordHash ?? (await decoyPasswordHash()), attempt.password);
  if (!usable || !matches) throw new AppError('INVALID_CREDENTIALS');

  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.transaction(async (tx) => {
    await store.deleteFailuresOf(tx, attempt.email, attempt.ipAddress);
    await deleteExpiredSessionsOfPerson(tx, usable.id);
    await insertSession(tx, { tokenHash: hashSecret(sessionSecret), personId: usable.id, csrfToken, expiresAt });
  });
  return {
    person: { id: usable.id, email: usable.email, name: usable.name, isAdmin: usable.isAdmin },
    sessionSecret,
    csrfToken,
    expiresAt,
  };
}

/** Ends the browser session the call came with; a token-authenticated call has none to end. */
export async function signOut(db: Queryable, actor: Actor): Promise<void> {
  if (actor.via === 'session') await deleteSession(db, actor.credentialId);
}

export async function describeMe(db: Queryable, actor: Actor): Promise<MeView> {
  const [memberships, person, csrfToken] = await Promise.all([
    membershipsOfPerson(db, actor.personId),
    findPersonById(db, actor.personId),
    actor.via === 'session' ? selectSessionCsrfToken(db, actor.credentialId) : undefined,
  ]);
  return {
    id: actor.personId,
    email: actor.email,
    name: actor.name,
    isAdmin: actor.isAdmin,
    memberships: memberships.map(({ role, ...team }) => ({ team, role })),
    recognition: person?.recognition ?? null,
    via: actor.via,
    ...(csrfToken ? { csrfToken } : {}),
  };
}

/** A person's own preferences (today: how they like to be thanked); then who they are, as /me says. */
export async function updateMe(db: Queryable, actor: Actor, change: UpdateMeBody): Promise<MeView> {
  await setRecognitionOf(db, actor.personId, change.recognition);
  return describeMe(db, actor);
}

export async function listTokens(db: Queryable, actor: Actor): Promise<ApiTokenView[]> {
  return (await store.selectTokensOf(db, actor.personId)).map(toTokenView);
}

/**
 * A new token gets only scopes its person can use, and a token making a token passes on no more
 * than it has itself, so a narrow token cannot mint a wide one.
 */
export async function createToken(db: Queryable, actor: Actor, body: CreateTokenBody): Promise<ApiTokenView & { token: string }> {
  const unusable = body.scopes.filter((scope) => !mayHoldScope(actor, scope));
  if (unusable.length > 0) throw fieldError('body.scopes', `${unusable.join(', ')}: your role gives these nothing to do`);
  const beyondCaller = actor.scopes ? body.scopes.filter((scope: TokenScope) => !actor.scopes!.includes(scope)) : [];
  if (beyondCaller.length > 0) throw fieldError('body.scopes', `${beyondCaller.join(', ')}: a token cannot give more scopes than its own`);
  const issued: IssuedApiToken = await issueApiToken(db, actor.personId, body.name, [...body.scopes]);
  return {
    id: issued.id,
    name: issued.name,
    displayPrefix: issued.displayPrefix,
    scopes: issued.scopes,
    createdAt: issued.createdAt.toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    token: issued.token,
  };
}

/** Someone else's token is "not found": its existence is none of the caller's business. */
export async function revokeToken(db: Queryable, actor: Actor, tokenId: string, now = new Date()): Promise<void> {
  const token = await store.selectToken(db, tokenId);
  if (!token || !canRevokeToken(actor, token)) throw new AppError('TOKEN_NOT_FOUND');
  await store.markTokenRevoked(db, token.id, now);
}

/**
 * Revokes all of a person's API tokens, e.g. when an admin resets their password (decision 0003).
 * Returns how many were still in use.
 */
export async function revokeAllTokensOf(db: Queryable, personId: string, now = new Date()): Promise<number> {
  return store.markTokensOfPersonRevoked(db, personId, now);
}

function toTokenView(row: store.ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
