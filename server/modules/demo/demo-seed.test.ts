import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword, hashPassword } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/database.ts';
import { bearerFor } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { DEMO_HOLIDAY_CALENDAR, englandAndWalesBankHolidays, officeMoveDay } from './demo-calendars.ts';
import { fieldTypes, parseIntakeForm, type IntakeForm } from '../catalog/intake-form.schema.ts';
import { workflowDefinitionProblems } from '../workflows/workflow-definition.ts';
import type { WorkflowStepDefinition } from '../catalog/catalog.tables.ts';
import { quarterEndWindow } from './demo-catalog.ts';
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

  it('staffs every serving team with a lead and agents; Sales has its VP as lead, to sign agreements', async () => {
    const desks = await rows<{ slug: string; leads: number; agents: number }>(sql`
      select t.slug, count(*) filter (where m.role = 'lead')::int as leads, count(*) filter (where m.role = 'agent')::int as agents
      from teams t join team_memberships m on m.team_id = t.id where t.slug <> 'sales' group by t.slug order by t.slug`);
    expect(desks.map((desk) => desk.slug)).toEqual(['facilities', 'finance', 'hr', 'it', 'payroll', 'training']);
    const sales = await rows<{ email: string; role: string }>(sql`
      select p.email, m.role from team_memberships m join people p on p.id = m.person_id join teams t on t.id = m.team_id where t.slug = 'sales'`);
    expect(sales).toEqual([{ email: 'james.carter@lumen.example', role: 'lead' }]);
    for (const desk of desks) {
      expect(desk.leads).toBeGreaterThanOrEqual(1);
      expect(desk.agents).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets demo people sign in with the shared demo password', async () => {
    const [person] = await rows<{ password_hash: string }>(sql`select password_hash from people where email = 'daniel.osei@lumen.example'`);
    expect(await verifyPassword(person!.password_hash, 'demo password for tests')).toBe(true);
  });

  it('has forty free-form requests in every status, three of them confidential HR cases', async () => {
    const statuses = await rows<{ status: string; count: number }>(
      sql`select status, count(*)::int as count from requests where service_id is null group by status order by status`,
    );
    expect(Object.fromEntries(statuses.map((row) => [row.status, row.count]))).toEqual({
      new: 5,
      acknowledged: 5,
      in_progress: 9,
      waiting_on_requester: 5,
      resolved: 7,
      closed: 9,
    });
    const confidential = await rows<{ key: string }>(sql`select key from requests where confidential and service_id is null order by key`);
    expect(confidential).toHaveLength(3);
    expect(confidential.every(({ key }) => key.startsWith('HR-'))).toBe(true);
  });

  it('tells each request\'s story in its timeline, in order, in the past weeks', async () => {
    const [facts] = await rows<{ oldest: Date | string; newest: Date | string; disagree: number; unordered: number; unassigned_open: number }>(sql`
      select min(created_at) as oldest, (select max(occurred_at) from request_events) as newest,
        (select count(*)::int from requests r where r.status <> coalesce((
           select e.data->>'to' from request_events e where e.request_id = r.id and e.kind = 'status_changed'
           order by e.occurred_at desc, e.id desc limit 1),
           (select e.data->>'status' from request_events e where e.request_id = r.id and e.kind = 'created'), 'new')) as disagree,
        (select count(*)::int from request_events e join request_events f
           on f.request_id = e.request_id and f.id > e.id and f.occurred_at < e.occurred_at) as unordered,
        (select count(*)::int from requests where status not in ('new', 'pending_approval') and assignee_id is null) as unassigned_open
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

describe("the demo organisation's catalog", () => {
  const servingTeams = ['facilities', 'finance', 'hr', 'it', 'payroll', 'training'];
  const as = async (email: string) => {
    const [person] = await rows<{ id: string }>(sql`select id from people where email = ${email}`);
    return bearerFor(database, person!.id);
  };

  it('gives every serving team two to four services on its own SLA policy, with targets per priority', async () => {
    const teams = await rows<{ slug: string; services: number; policies: number; on_own_policy: number; priorities: number }>(sql`
      select t.slug, count(s.id)::int as services,
             (select count(*)::int from sla_policies p where p.team_id = t.id) as policies,
             count(s.id) filter (where p.team_id = t.id)::int as on_own_policy,
             coalesce(max((select count(*) from jsonb_object_keys(p.targets))), 0)::int as priorities
      from teams t left join services s on s.team_id = t.id left join sla_policies p on p.id = s.sla_policy_id
      group by t.id, t.slug order by t.slug`);
    for (const team of teams) {
      if (!servingTeams.includes(team.slug)) {
        expect(team, team.slug).toMatchObject({ services: 0, policies: 0 });
        continue;
      }
      expect(team.services, team.slug).toBeGreaterThanOrEqual(2);
      expect(team.services, team.slug).toBeLessThanOrEqual(4);
      expect(team, team.slug).toMatchObject({ policies: 1, on_own_policy: team.services });
      expect(team.priorities, team.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it('has forms that the intake-form engine accepts, using every kind of field, conditions and date bounds', async () => {
    const forms = await rows<{ slug: string; form: IntakeForm; steps: number }>(sql`
      select s.slug, f.form, jsonb_array_length(s.procedure)::int as steps
      from services s join service_forms f on f.service_id = s.id and f.version = s.form_version`);
    const fields = forms.flatMap(({ slug, form }) => {
      const parsed = parseIntakeForm(form);
      expect(parsed.ok, `${slug}: ${JSON.stringify(parsed.ok ? [] : parsed.problems)}`).toBe(true);
      return form.fields;
    });
    expect(new Set(fields.map((field) => field.type))).toEqual(new Set(fieldTypes));
    expect(fields.some((field) => field.showWhen)).toBe(true);
    expect(fields.some((field) => field.type === 'date' && field.notBefore && field.notAfter)).toBe(true);
    expect(forms.filter((form) => form.steps > 0).length).toBeGreaterThan(forms.length / 2);
    // Agents follow them: a resolved request through a service with a procedure has every step ticked.
    const [unticked] = await rows<{ count: number }>(sql`
      select count(*)::int as count from request_steps st join requests r on r.id = st.request_id
      where r.status in ('resolved', 'closed') and st.done_at is null`);
    expect(unticked!.count).toBe(0);
  });

  it('has "Book time off" with manager approval, and time off waiting, approved and done', async () => {
    const [service] = await rows<{ team: string; approval: unknown }>(sql`
      select t.slug as team, s.approval from services s join teams t on t.id = s.team_id where s.slug = 'book-time-off'`);
    expect(service).toEqual({ team: 'hr', approval: { approver: 'manager' } });
    const approvals = await rows<{ status: string; request_status: string }>(sql`
      select a.status, r.status as request_status from request_approvals a join requests r on r.id = a.request_id
      join services s on s.id = r.service_id where s.slug = 'book-time-off' order by r.created_at`);
    expect(approvals).toEqual([
      { status: 'approved', request_status: 'resolved' },
      { status: 'approved', request_status: 'resolved' },
      { status: 'pending', request_status: 'pending_approval' },
    ]);
  });

  it('has the onboarding workflow, one onboarding finished by its linked requests and one under way', async () => {
    const [onboarding] = await rows<{ workflow: WorkflowStepDefinition[]; team: string }>(sql`
      select s.workflow, t.slug as team from services s join teams t on t.id = s.team_id where s.slug = 'new-hire-onboarding'`);
    expect(onboarding!.team).toBe('hr');
    expect(workflowDefinitionProblems(onboarding!.workflow)).toEqual([]);
    expect(onboarding!.workflow.map((step) => [step.key, step.after])).toEqual([['it', []], ['payroll', []], ['facilities', []], ['training', ['it']]]);

    const parents = await rows<{ key: string; status: string }>(sql`
      select r.key, r.status from requests r join services s on s.id = r.service_id where s.slug = 'new-hire-onboarding' order by r.created_at`);
    const manager = await as('ryan.brooks@lumen.example');
    const done = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${parents[0]!.key}/workflow`, headers: manager });
    expect(done.json()).toMatchObject({ status: 'resolved', done: 4, total: 4 });
    const underWay = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${parents[1]!.key}/workflow`, headers: await as('julia.novak@lumen.example') });
    expect(underWay.json().steps.map((step: { step: string; state: string }) => [step.step, step.state])).toEqual([
      ['facilities', 'open'], ['it', 'done'], ['payroll', 'done'], ['training', 'open'],
    ]);
  });

  it('has an accepted agreement: a 30-minute first response from IT to Sales at quarter end', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/agreements', headers: await as('james.carter@lumen.example') });
    expect(response.statusCode, response.body).toBe(200);
    const [agreement] = response.json().items;
    expect(agreement).toMatchObject({ providerTeam: { slug: 'it' }, consumerTeam: { slug: 'sales' }, status: 'in_force', ...quarterEndWindow(now) });
    for (const priority of ['low', 'normal', 'high', 'urgent']) expect(agreement.targets[priority]).toEqual({ firstResponse: 30 });
  });

  it("answers how long the laptop desk takes from its own recent requests", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/services/laptop-repair/expected-wait', headers: await as('chloe.nguyen@lumen.example') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ basis: 'service' });
    expect(response.json().sampleSize).toBeGreaterThanOrEqual(5);
    expect(response.json().recentMedianFirstResponseMinutes).toBeGreaterThan(0);
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
