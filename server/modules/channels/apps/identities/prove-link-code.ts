import type { Queryable } from '../../../../platform/db/database.ts';
import { findPersonById } from '../../../people/people.service.ts';
import { hashLinkCode, LINK_CLAIM_LIFETIME_MS, MAX_WRONG_LINK_CODES } from './link-codes.ts';
import * as claims from './identity-claims.store.ts';
import * as store from './identities.store.ts';

export type LinkCodeOutcome =
  | { kind: 'linked'; personName: string }
  | { kind: 'taken' }
  | { kind: 'wrong-code'; claimsDropped: boolean }
  | { kind: 'no-claim' };

/**
 * A `link <code>` message from an outside account (the chat app's signature says which): the code
 * must be one shown to someone who claimed THIS account, so neither side alone can make the link.
 * A match links the account to that claim's person and ends every claim on it; a wrong code costs
 * every claim on the account a fifth of its life (MAX_WRONG_LINK_CODES wrong codes end them).
 * Runs inside the caller's transaction.
 */
export async function proveLinkCode(
  tx: Queryable,
  account: { connectionId: string; externalUserId: string },
  code: string,
  now: Date = new Date(),
): Promise<LinkCodeOutcome> {
  if ((await claims.countLiveClaims(tx, account, now)) === 0) {
    await claims.deleteExpiredClaims(tx, account, now);
    return { kind: 'no-claim' };
  }
  const [claim] = await claims.selectLiveClaimsWithCode(tx, account, hashLinkCode(code), now);
  const person = claim ? await findPersonById(tx, claim.personId) : undefined;
  if (!claim || !person?.active) {
    await claims.shortenClaims(tx, account, LINK_CLAIM_LIFETIME_MS / MAX_WRONG_LINK_CODES, now);
    return { kind: 'wrong-code', claimsDropped: (await claims.countLiveClaims(tx, account, now)) === 0 };
  }
  const held = await store.upsertIdentity(tx, { ...account, personId: person.id, externalName: claim.externalName });
  if (held.personId !== person.id) return { kind: 'taken' };
  await claims.deleteClaimsOfAccount(tx, account);
  return { kind: 'linked', personName: person.name };
}
