import { and, eq, sql } from 'drizzle-orm';
import { changeSignalsOf, type Queryable } from '../../platform/db/database.ts';
import { sharedCache, type CacheOptions } from '../../platform/cache/signalled-cache.ts';
import type { FilingInterest } from '../requests/request-reactions.ts';
import { webhookSubscriptions } from './integrations.tables.ts';

/** Subscriptions change rarely and every change is announced (migration 0014); the TTL is a backstop. */
const LISTENING_CACHE: CacheOptions = { ttlMs: 5 * 60_000, maxEntries: 10_000 };

interface Listening {
  /** Teams with an enabled subscription to their `created` events, and whether one listens to every team. */
  teamIds: ReadonlySet<string>;
  everyTeam: boolean;
}

async function loadListening(db: Queryable): Promise<Listening> {
  const rows = await db
    .select({ teamId: webhookSubscriptions.teamId })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.enabled, true), sql`${webhookSubscriptions.eventTypes} ? 'created'`));
  return { teamIds: new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : []))), everyTeam: rows.some((row) => row.teamId === null) };
}

/**
 * Whether a plain filing for this team could be announced to an outgoing webhook, from memory
 * while change signals are live (outside a transaction; decision 0022): when none listens, the
 * filing skips the reactions' transaction altogether.
 */
export const webhooksFilingInterest: FilingInterest = async (db, filing) => {
  const signals = changeSignalsOf(db);
  const listening = signals
    ? await sharedCache<Listening>(signals, 'webhook listeners to created events', 'webhooks', LISTENING_CACHE).get('all', () => loadListening(db))
    : await loadListening(db);
  return listening !== undefined && (listening.everyTeam || listening.teamIds.has(filing.teamId));
};
