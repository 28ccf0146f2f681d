import { asc, eq } from 'drizzle-orm';
import { sharedCache, type CacheOptions } from '../../../platform/cache/signalled-cache.ts';
import { changeSignalsOf, type Queryable } from '../../../platform/db/database.ts';
import { selectMailSettingsByTeam } from './inbound.store.ts';
import { mailThreadIds } from './mail.tables.ts';
import { replyAddress, replyTokenFor } from './reply-tokens.ts';

/** What a mail about a request needs from the e-mail module to come from its team and thread with it. */
export interface RequestMailThread {
  /** The team's address (mail comes from it), or null when the team has none. */
  teamAddress: string | null;
  /** The request's plus-address with its reply token, so an answer lands on the request; null without a team address. */
  replyTo: string | null;
  /** Every Message-ID known for the request, in and out, oldest first. */
  messageIds: string[];
}

/**
 * The addresses and earlier Message-IDs for a mail about a request (notifications use it). The reply
 * token is made on first use, so it exists only for requests that were ever mailed about.
 */
export async function requestMailThread(db: Queryable, requestId: string, teamId: string): Promise<RequestMailThread> {
  const settings = await selectMailSettingsByTeam(db, teamId);
  // No address, no mail from this team: the thread is not needed, and no reply token is made.
  if (!settings) return { teamAddress: null, replyTo: null, messageIds: [] };
  const rows = await db
    .select({ messageId: mailThreadIds.messageId })
    .from(mailThreadIds)
    .where(eq(mailThreadIds.requestId, requestId))
    .orderBy(asc(mailThreadIds.createdAt), asc(mailThreadIds.messageId));
  const teamAddress = settings.inboundAddress;
  const replyTo = replyAddress(teamAddress, await replyTokenFor(db, requestId));
  return { teamAddress, replyTo, messageIds: rows.map((row) => row.messageId) };
}

/** The team's address, or null when it sends and receives no mail. */
export async function teamMailAddress(db: Queryable, teamId: string): Promise<string | null> {
  return (await selectMailSettingsByTeam(db, teamId))?.inboundAddress ?? null;
}

/** Team addresses change rarely and every change is announced (migration 0014); the TTL is a backstop. */
const TEAM_ADDRESS_CACHE: CacheOptions = { ttlMs: 5 * 60_000, maxEntries: 10_000 };

/**
 * The team's address from memory while change signals are live (outside a transaction), for the
 * hot path of filing: whether a filing may be acknowledged by mail at all (decision 0022).
 */
export async function teamMailAddressCached(db: Queryable, teamId: string): Promise<string | null> {
  const signals = changeSignalsOf(db);
  if (!signals) return teamMailAddress(db, teamId);
  // Cached as an object, so "no address" is remembered too (the cache keeps only found values).
  const cache = sharedCache<{ address: string | null }>(signals, 'team mail addresses', 'mail-settings', TEAM_ADDRESS_CACHE);
  const found = await cache.get(teamId, async () => ({ address: await teamMailAddress(db, teamId) }));
  return found?.address ?? null;
}
