import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { calendars } from '../../server/modules/calendars/calendars.tables.ts';
import { services } from '../../server/modules/catalog/catalog.tables.ts';
import { teamMemberships, type people } from '../../server/modules/people/people.tables.ts';
import { createRequest } from '../../server/modules/requests/requests.service.ts';
import type { RequestPriority } from '../../server/modules/requests/requests.tables.ts';
import type { RequestView } from '../../server/modules/requests/requests.schema.ts';
import { slaPolicies, type EscalationActions, type SlaTargetsByPriority } from '../../server/modules/sla/sla.tables.ts';
import type { Database } from '../../server/platform/db/database.ts';

// SLA test helpers: calendars, services and policies inserted directly (the catalog's routes are
// not what these tests are about), and requests filed through a service with createRequest.

type Person = typeof people.$inferSelect;

/** Monday to Friday 09:00-17:00 on London's wall clock. */
export async function buildOfficeCalendar(database: Database, teamId: string, timeZone = 'Europe/London'): Promise<string> {
  const weekly = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const [row] = await database.db.insert(calendars).values({ name: `Hours ${randomBytes(2).toString('hex')}`, kind: 'team', teamId, timeZone, weekly }).returning();
  return row!.id;
}

export async function buildPolicy(
  database: Database,
  teamId: string,
  targets: SlaTargetsByPriority,
  options: { warnAtPercent?: number; escalation?: EscalationActions } = {},
): Promise<string> {
  const [row] = await database.db
    .insert(slaPolicies)
    .values({ teamId, name: `Policy ${randomBytes(2).toString('hex')}`, targets, warnAtPercent: options.warnAtPercent ?? 80, escalation: options.escalation ?? { notifyLead: true, raisePriority: false } })
    .returning();
  return row!.id;
}

export async function buildService(
  database: Database,
  teamId: string,
  options: { slaPolicyId?: string | null; defaultPriority?: RequestPriority } = {},
): Promise<{ id: string; slug: string }> {
  const slug = `svc-${randomBytes(4).toString('hex')}`;
  const [row] = await database.db
    .insert(services)
    .values({ slug, teamId, name: `Service ${slug}`, slaPolicyId: options.slaPolicyId ?? null, defaultPriority: options.defaultPriority ?? 'normal' })
    .returning();
  return { id: row!.id, slug };
}

/** The person as requests.service sees a caller, with their memberships read from the table. */
export async function actorOf(database: Database, person: Person) {
  const memberships = await database.db
    .select({ teamId: teamMemberships.teamId, role: teamMemberships.role })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.personId, person.id)));
  return { personId: person.id, name: person.name, isAdmin: person.isAdmin, memberships };
}

/** Files a request through a service as the catalog would, at a chosen instant. */
export async function fileThroughService(
  database: Database,
  requester: Person,
  team: { slug: string },
  serviceId: string,
  options: { at: Date; priority?: RequestPriority; status?: 'new' | 'pending_approval'; subject?: string; confidential?: boolean },
): Promise<RequestView> {
  const answer = await createRequest(
    database.db,
    await actorOf(database, requester),
    { team: team.slug, subject: options.subject ?? 'Help, please', priority: options.priority, confidential: options.confidential },
    { at: options.at, intake: { serviceId, answers: null, status: options.status ?? 'new', eventData: {} } },
  );
  return answer.body;
}
