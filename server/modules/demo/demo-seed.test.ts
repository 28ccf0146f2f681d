import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword, hashPassword } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/database.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { seedDemoOrganisation } from './demo-seed.ts';

const now = new Date();
let database: Database;
let passwordHash: string;

beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword('demo password for tests');
  await database.db.transaction((tx) => seedDemoOrganisation(tx, { passwordHash, now }));
});
afterAll(() => database.close());

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => database.rows<T>(query);

/** What a second seed must reproduce exactly: who asked what of whom, and how far it got. */
const storyOf = (db: Database) =>
  db.rows<{ key: string; subject: string; status: string; assignee: string | null; events: number }>(sql`
    select r.key, r.subject, r.status, a.email as assignee,
           (select count(*)::int from request_events e where e.request_id = r.id) as events
    from requests r left join people a on a.id = r.assignee_id order by r.key`);

describe('the demo organisation', () => {
  it('has nine teams and sixty people, each with a title, a location and a time zone', async () => {
    const [counts] = await rows<{ teams: number; people: number; incomplete: number }>(sql`
      select (select count(*)::int from teams) as teams, (select count(*)::int from people) as people,
             (select count(*)::int from people where title is null or location is null or time_zone = 'UTC') as incomplete`);
    expect(counts).toEqual({ teams: 9, people: 60, incomplete: 0 });
  });

  it('is one org chart: everyone but the chief executive has a manager, and every chain reaches the top', async () => {
    const unmanaged = await rows<{ email: string }>(sql`select email from people where manager_id is null`);
    expect(unmanaged).toEqual([{ email: 'helena.brandt@lumen.example' }]);
    const [reach] = await rows<{ reached: number }>(sql`
      with recursive chain(id, depth) as (
        select id, 0 from people where manager_id is null
        union all select p.id, c.depth + 1 from people p join chain c on p.manager_id = c.id where c.depth < 20
      ) select count(distinct id)::int as reached from chain`);
    expect(reach!.reached).toBe(60);
  });

  it('staffs every serving team with a lead and agents', async () => {
    const desks = await rows<{ slug: string; leads: number; agents: number }>(sql`
      select t.slug, count(*) filter (where m.role = 'lead')::int as leads, count(*) filter (where m.role = 'agent')::int as agents
      from teams t join team_memberships m on m.team_id = t.id group by t.slug order by t.slug`);
    expect(desks.map((desk) => desk.slug)).toEqual(['facilities', 'finance', 'hr', 'it', 'payroll', 'training']);
    for (const desk of desks) {
      expect(desk.leads).toBeGreaterThanOrEqual(1);
      expect(desk.agents).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets demo people sign in with the shared demo password', async () => {
    const [person] = await rows<{ password_hash: string }>(sql`select password_hash from people where email = 'daniel.osei@lumen.example'`);
    expect(await verifyPassword(person!.password_hash, 'demo password for tests')).toBe(true);
  });

  it('has forty requests in every status, three of them confidential HR cases', async () => {
    const statuses = await rows<{ status: string; count: number }>(
      sql`select status, count(*)::int as count from requests group by status order by status`,
    );
    expect(Object.fromEntries(statuses.map((row) => [row.status, row.count]))).toEqual({
      new: 5,
      acknowledged: 5,
      in_progress: 9,
      waiting_on_requester: 5,
      resolved: 7,
      closed: 9,
    });
    const confidential = await rows<{ key: string }>(sql`select key from requests where confidential order by key`);
    expect(confidential).toHaveLength(3);
    expect(confidential.every(({ key }) => key.startsWith('HR-'))).toBe(true);
  });

  it('tells each request\'s story in its timeline, in order, in the past weeks', async () => {
    const [facts] = await rows<{ oldest: Date | string; newest: Date | string; disagree: number; unordered: number; unassigned_open: number }>(sql`
      select min(created_at) as oldest, (select max(occurred_at) from request_events) as newest,
        (select count(*)::int from requests r where r.status <> 'new' and r.status <> coalesce((
           select e.data->>'to' from request_events e where e.request_id = r.id and e.kind = 'status_changed'
           order by e.occurred_at desc, e.id desc limit 1), 'new')) as disagree,
        (select count(*)::int from request_events e join request_events f
           on f.request_id = e.request_id and f.id > e.id and f.occurred_at < e.occurred_at) as unordered,
        (select count(*)::int from requests where status <> 'new' and assignee_id is null) as unassigned_open
      from requests`);
    expect(facts!.disagree).toBe(0);
    expect(facts!.unordered).toBe(0);
    expect(facts!.unassigned_open).toBe(0);
    expect(new Date(facts!.newest).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - new Date(facts!.oldest).getTime()).toBeGreaterThan(14 * 24 * 3_600_000);

    const [notes] = await rows<{ internal: number; responded: number }>(sql`
      select (select count(*)::int from request_events where visibility = 'internal') as internal,
             (select count(*)::int from requests where first_responded_at is not null) as responded`);
    expect(notes!.internal).toBeGreaterThan(0);
    expect(notes!.responded).toBeGreaterThan(20);
  });

  it('is the same organisation every time it is seeded', async () => {
    const other = await createTestDatabase();
    try {
      await other.db.transaction((tx) => seedDemoOrganisation(tx, { passwordHash, now }));
      expect(await storyOf(other)).toEqual(await storyOf(database));
    } finally {
      await other.close();
    }
  });
});
