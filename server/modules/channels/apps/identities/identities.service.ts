import type { Actor } from '../../../../platform/auth/actor.ts';
import { serverSecret } from '../../../../platform/auth/server-secrets.ts';
import type { Db, Queryable } from '../../../../platform/db/database.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { linkTo } from '../../../../platform/http/public-url.ts';
import { findPersonById, type PersonRow } from '../../../people/people.service.ts';
import { findConnectionById, type ConnectionRow } from '../connections.service.ts';
import { hashLinkCode, LINK_CLAIM_LIFETIME_MS, newLinkCode } from './link-codes.ts';
import { IDENTITY_LINK_LIFETIME_MS, IDENTITY_LINK_SECRET_NAME, signIdentityLink, verifyIdentityLink } from './link-tokens.ts';
import type { IdentityClaimView, IdentityView } from './identities.schema.ts';
import * as claims from './identity-claims.store.ts';
import * as store from './identities.store.ts';

// A person's own links to their chat-app accounts (decision 0025, "Who is writing"): the app names
// its user only by an id. The signed link says which outside account wrote; signing in says who the
// person is; and a short code typed back from that account proves the two are the same person
// (a link shown in a shared channel can be opened by anyone in it).

export const identityLinkSecret = (db: Db) => serverSecret(db, IDENTITY_LINK_SECRET_NAME);

const appNames: Record<string, string> = { teams: 'Teams', slack: 'Slack', sms: 'SMS' };

/**
 * The one-click link an unknown writer is given: `<public url>/link/<kind>#<token>`, good for 30
 * minutes. Takes the secret (identityLinkSecret) rather than reading it, because callers are inside
 * a transaction, and on PGlite's single connection a read outside it would wait for it forever.
 */
export function identityLinkFor(
  secret: string,
  connection: Pick<ConnectionRow, 'id' | 'kind'>,
  externalUser: { id: string; name: string | null },
  now: Date = new Date(),
): string {
  const token = signIdentityLink(secret, {
    connectionId: connection.id,
    externalUserId: externalUser.id,
    externalName: externalUser.name,
    expiresAt: new Date(now.getTime() + IDENTITY_LINK_LIFETIME_MS),
  });
  // In the fragment: browsers never send it to a server, so it stays out of access logs.
  return linkTo(`/link/${connection.kind}#${token}`);
}

/** The active person who linked this outside account, if any (read fresh: a deactivated person is no one). */
export async function personLinkedTo(db: Queryable, connectionId: string, externalUserId: string): Promise<PersonRow | undefined> {
  const identity = await store.selectIdentity(db, connectionId, externalUserId);
  const person = identity ? await findPersonById(db, identity.personId) : undefined;
  return person?.active ? person : undefined;
}

/**
 * Asks to link the account the token names to the caller: links nothing, records the caller's claim
 * with a fresh code (replacing their earlier one) and returns the code to type back from that
 * account. Several people may hold claims on one account; only the account's own message decides.
 * 409 at once when the account is someone else's already.
 */
export async function claimMyIdentity(db: Db, actor: Actor, token: string, now: Date = new Date()): Promise<IdentityClaimView> {
  const verified = verifyIdentityLink(await identityLinkSecret(db), token, now);
  if (!verified.ok) throw fieldError('body.token', verified.reason);
  const { connectionId, externalUserId, externalName } = verified.claims;
  const connection = await findConnectionById(db, connectionId);
  if (!connection) throw fieldError('body.token', 'names a connection that no longer exists');
  const held = await store.selectIdentity(db, connectionId, externalUserId);
  if (held && held.personId !== actor.personId) throw new AppError('EXTERNAL_IDENTITY_TAKEN', 'This account is linked to another person; they can unlink it in Hallway');

  const code = newLinkCode();
  const expiresAt = new Date(now.getTime() + LINK_CLAIM_LIFETIME_MS);
  const account = { connectionId, externalUserId };
  await claims.deleteExpiredClaims(db, account, now);
  await claims.upsertClaim(db, { ...account, personId: actor.personId, externalName, codeHash: hashLinkCode(code), expiresAt, now });
  const app = appNames[connection.kind] ?? connection.kind;
  return {
    connectionId,
    kind: connection.kind,
    connectionName: connection.name,
    externalUserId,
    externalName,
    code,
    expiresAt: expiresAt.toISOString(),
    instruction: `Write \`link ${code}\` to Hallway in ${app} from that account, within ${LINK_CLAIM_LIFETIME_MS / 60_000} minutes. Nothing is linked until then.`,
  };
}

export async function listMyIdentities(db: Queryable, actor: Actor): Promise<{ items: IdentityView[] }> {
  const rows = await store.selectIdentitiesOfPerson(db, actor.personId);
  return { items: rows.map((row) => ({ ...row, linkedAt: row.linkedAt.toISOString() })) };
}

export async function unlinkMyIdentity(db: Queryable, actor: Actor, connectionId: string, externalUserId: string): Promise<void> {
  if (!(await store.deleteIdentityOfPerson(db, actor.personId, connectionId, externalUserId))) throw new AppError('EXTERNAL_IDENTITY_NOT_FOUND');
}
