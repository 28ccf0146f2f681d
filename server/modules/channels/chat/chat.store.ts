import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../../platform/db/database.ts';
import { agentShifts, chatConversations } from './chat.tables.ts';

// The only SQL of live chat: its conversations and the agents' shifts.

export type ChatRow = typeof chatConversations.$inferSelect;

export async function insertChat(tx: Queryable, values: { requestId: string; teamId: string; requesterId: string }): Promise<ChatRow> {
  const [row] = await tx.insert(chatConversations).values(values).returning();
  return row!;
}

export async function selectChat(db: Queryable, requestId: string, options: { lock?: boolean } = {}): Promise<ChatRow | undefined> {
  const query = db.select().from(chatConversations).where(eq(chatConversations.requestId, requestId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** The requester's conversations that have not ended, oldest first. */
export async function selectOpenChatsOf(db: Queryable, requesterId: string): Promise<ChatRow[]> {
  return db
    .select()
    .from(chatConversations)
    .where(and(eq(chatConversations.requesterId, requesterId), sql`${chatConversations.status} <> 'ended'`))
    .orderBy(asc(chatConversations.createdAt));
}

export async function selectWaitingChats(db: Queryable, teamId: string): Promise<ChatRow[]> {
  return db
    .select()
    .from(chatConversations)
    .where(and(eq(chatConversations.teamId, teamId), eq(chatConversations.status, 'waiting')))
    .orderBy(asc(chatConversations.createdAt))
    .limit(100);
}

/**
 * Takes a waiting chat for the agent: the `status = 'waiting'` guard makes the first of two agents
 * win and the second update nothing, whatever their timing.
 */
export async function claimChat(tx: Queryable, requestId: string, agentId: string, at: Date): Promise<ChatRow | undefined> {
  const [row] = await tx
    .update(chatConversations)
    .set({ status: 'active', pickedUpBy: agentId, pickedUpAt: at })
    .where(and(eq(chatConversations.requestId, requestId), eq(chatConversations.status, 'waiting')))
    .returning();
  return row;
}

export async function endChat(tx: Queryable, requestId: string, at: Date): Promise<void> {
  await tx
    .update(chatConversations)
    .set({ status: 'ended', endedAt: at, requesterLeftAt: sql`coalesce(${chatConversations.requesterLeftAt}, ${at})` })
    .where(eq(chatConversations.requestId, requestId));
}

/** The panel is open (a heartbeat: seen now, no longer gone) or was closed (gone since now). */
export async function recordPresence(db: Queryable, requestId: string, present: boolean, at: Date): Promise<void> {
  await db
    .update(chatConversations)
    .set(present ? { requesterSeenAt: at, requesterLeftAt: null } : { requesterLeftAt: at })
    .where(eq(chatConversations.requestId, requestId));
}

export async function upsertShift(db: Queryable, personId: string, teamId: string, onShift: boolean): Promise<void> {
  await db
    .insert(agentShifts)
    .values({ personId, teamId, onShift })
    .onConflictDoUpdate({ target: [agentShifts.personId, agentShifts.teamId], set: { onShift, changedAt: sql`now()` } });
}

export async function selectShiftsOf(db: Queryable, personId: string): Promise<Array<{ teamId: string; onShift: boolean; changedAt: Date }>> {
  return db
    .select({ teamId: agentShifts.teamId, onShift: agentShifts.onShift, changedAt: agentShifts.changedAt })
    .from(agentShifts)
    .where(eq(agentShifts.personId, personId));
}

/**
 * How many agents are on shift per team. Only people still active and still agents of the team
 * count: a shift left switched on by someone who moved teams offers nobody.
 */
export async function selectStaffedTeams(db: Queryable): Promise<Map<string, number>> {
  const rows = rowsOf<{ team_id: string; agents: number | string }>(
    await db.execute(sql`
      select s.team_id, count(*) as agents
        from agent_shifts s
        join team_memberships m on m.team_id = s.team_id and m.person_id = s.person_id
        join people p on p.id = s.person_id and p.active
       where s.on_shift
       group by s.team_id`),
  );
  return new Map(rows.map((row) => [row.team_id, Number(row.agents)]));
}
