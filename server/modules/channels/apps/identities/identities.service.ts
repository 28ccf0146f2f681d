import type { Actor } from '../../../../platform/auth/actor.ts';
import { serverSecret } from '../../../../platform/auth/server-secrets.ts';
import type { Db, Queryable } from '../../../../platform/db/database.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { linkTo } from '../../../../platform/http/public-url.ts';
import { findPersonById, type PersonRow } from '../../../people/people.service.ts';
import { findConnectionById, type ConnectionRow } from '../connections.service.ts';
import { IDENTITY_LINK_LIFETIME_MS, IDENTITY_LINK_SECRET_NAME, signIdentityLink, verifyIdentityLink } from './link-tokens.ts';
import type { IdentityView } from './identities.schema.ts';
import * as store from './identities.store.ts';

// A person's own links to their chat-app accounts (decision 0025, "Who is writing"): the app names
// its user only by an id, so the person proves who they are to Hallway by signing in, and the signed
// link proves which outside account wrote.

export const identityLinkSecret = (db: Db) => serverSecret(db, IDENTITY_LINK_SECRET_NAME);

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

/** Links the account the token names to the caller; 409 when it is someone else's already. */
export async function linkMyIdentity(db: Db, actor: Actor, token: string, now: Date = new Date()): Promise<IdentityView> {
  const verified = verifyIdentityLink(await identityLinkSecret(db), token, now);
  if (!verified.ok) throw fieldError('body.token', verified.reason);
  const { connectionId, externalUserId, externalName } = verified.claims;
  const connection = await findConnectionById(db, connectionId);
  if (!connection) throw fieldError('body.token', 'names a connection that no longer exists');
  const held = await store.upsertIdentity(db, { connectionId, externalUserId, personId: actor.personId, externalName });
  if (held.personId !== actor.personId) throw new AppError('EXTERNAL_IDENTITY_TAKEN', 'This account is linked to another person; they can unlink it in Hallway');
  return viewOf(connection, held);
}

export async function listMyIdentities(db: Queryable, actor: Actor): Promise<{ items: IdentityView[] }> {
  const rows = await store.selectIdentitiesOfPerson(db, actor.personId);
  return { items: rows.map((row) => ({ ...row, linkedAt: row.linkedAt.toISOString() })) };
}

export async function unlinkMyIdentity(db: Queryable, actor: Actor, connectionId: string, externalUserId: string): Promise<void> {
  if (!(await store.deleteIdentityOfPerson(db, actor.personId, connectionId, externalUserId))) throw new AppError('EXTERNAL_IDENTITY_NOT_FOUND');
}

function viewOf(connection: Pick<ConnectionRow, 'kind' | 'name'>, row: store.ExternalIdentityRow): IdentityView {
  return {
    connectionId: row.connectionId,
    kind: connection.kind,
    connectionName: connection.name,
    externalUserId: row.externalUserId,
    externalName: row.externalName,
    linkedAt: row.linkedAt.toISOString(),
  };
}
