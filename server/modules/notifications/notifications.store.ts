import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { notificationPreferences } from '../channels/email/outbound/outbound.tables.ts';

// The only place that writes SQL for notification preferences (the table is declared with the
// outbox, migration 0011). Mail itself is written by the e-mail module's queueMail.

const EMAIL = 'email';

/** The kinds a person chose anything for, by mail: kind -> enabled. */
export async function selectEmailChoices(db: Queryable, personId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.personId, personId), eq(notificationPreferences.channel, EMAIL)));
  return new Map(rows.map((row) => [row.kind, row.enabled]));
}

export async function upsertEmailChoices(db: Queryable, personId: string, choices: ReadonlyArray<{ kind: string; enabled: boolean }>): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(choices.map((choice) => ({ personId, kind: choice.kind, channel: EMAIL, enabled: choice.enabled })))
    .onConflictDoUpdate({
      target: [notificationPreferences.personId, notificationPreferences.kind, notificationPreferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
    });
}
