import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword, hashPassword } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/database.ts';
import { bearerFor } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { DEMO_HOLIDAY_CALENDAR, englandAndWalesBankHolidays, officeMoveDay } from './demo-calendars.ts';
import { seedDemoOrganisation } from './demo-seed.ts';

const now = new Date();
/** The seeding year on the company's (London) calendar, as the seed counts it. */
const year = DateTime.fromJSDate(now, { zone: 'Europe/London' }).year;
let t: TestApp;
let database: Database;
let passwordHash: string;

beforeAll(async () => {
  t = await createTestApp();
  database = t.database;
  passwordHash = await hashPassword('demo password for tests');
  await database.db.transaction((tx) => seedDemoOrganisation(tx, { passwordHash, now }));
});
afterAll(() => t.close());

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

  it('gives every serving team exactly one team calendar, and the rest none', async () => {
    const calendars = await rows<{ slug: string; calendars: number }>(sql`
      select t.slug, count(c.id)::int as calendars
      from teams t left join calendars c on c.team_id = t.id and c.kind = 'team' group by t.slug order by t.slug`);
    expect(Object.fromEntries(calendars.map((row) => [row.slug, row.calendars]))).toEqual({
      facilities: 1, finance: 1, hr: 1, it: 1, payroll: 1, training: 1, leadership: 0, sales: 0, marketing: 0,
    });
    const [facilities] = await rows<{ starts_on: string; ends_on: string }>(sql`
      select cc.starts_on::text, cc.ends_on::text from calendar_closures cc
      join calendars c on c.id = cc.calendar_id join teams t on t.id = c.team_id where t.slug = 'facilities'`);
    const holidays = [year, year + 1].flatMap(englandAndWalesBankHolidays);
    expect(facilities).toEqual({ starts_on: officeMoveDay(now, holidays), ends_on: officeMoveDay(now, holidays) });
  });

  it("closes the company on this year's and next year's bank holidays, whole days on the London clock", async () => {
    const holidayCalendars = await rows<{ id: string; name: string; time_zone: string; team_id: string | null }>(
      sql`select id, name, time_zone, team_id from calendars where kind = 'company-holidays'`,
    );
    expect(holidayCalendars).toHaveLength(1);
    expect(holidayCalendars[0]).toMatchObject({ name: DEMO_HOLIDAY_CALENDAR, time_zone: 'Europe/London', team_id: null });
    const closures = await rows<{ starts_on: string; ends_on: string; starts_at: string | null }>(sql`
      select starts_on::text, ends_on::text, starts_at::text from calendar_closures
      where calendar_id = ${holidayCalendars[0]!.id} order by starts_on`);
    expect(closures).toHaveLength(16);
    expect(closures.every((closure) => closure.starts_on === closure.ends_on && closure.starts_at === null)).toBe(true);
    expect(closures.filter((closure) => closure.starts_on.startsWith(`${year}-`))).toHaveLength(8);
    expect(closures.filter((closure) => closure.starts_on.startsWith(`${year + 1}-`))).toHaveLength(8);
  });

  it('answers when the IT desk is open next', async () => {
    const [daniel] = await rows<{ id: string }>(sql`select id from people where email = 'daniel.osei@lumen.example'`);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/teams/it/availability', headers: await bearerFor(database, daniel!.id) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ team: { slug: 'it', name: 'IT' }, timeZone: 'Europe/London' });
  });
});

describe('the England and Wales bank holidays', () => {
  it('match what gov.uk publishes for 2026 and 2027, substitute days included', () => {
    const dates = (year: number) => englandAndWalesBankHolidays(year).map((holiday) => ('startsOn' in holiday ? holiday.startsOn : ''));
    expect(dates(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(dates(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  it('moves the office on a Friday at least two weeks out that is not a bank holiday', () => {
    const holidays = englandAndWalesBankHolidays(2026);
    expect(officeMoveDay(new Date('2026-03-18T12:00:00Z'), holidays)).toBe('2026-04-10');
    expect(officeMoveDay(new Date('2026-03-19T12:00:00Z'), holidays)).toBe('2026-04-10');
  });
});
