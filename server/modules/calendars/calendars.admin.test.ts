import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOnly, describeAccessMatrix, signedInOnly } from '../../../test/support/access-matrix.ts';
import { itRefusesBadInput, rawJson, type BadInput } from '../../../test/support/bad-input.ts';
import { buildTeam } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addClosure, createCalendar } from './calendars.service.ts';

let t: TestApp;
let cast: Cast;
// Fixed ids, so the bad-input cases can be listed before the database exists.
const TEAM_CALENDAR = '44444444-4444-4444-8444-444444444444';
const HOLIDAYS = '55555555-5555-4555-8555-555555555555';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const week = [{ weekday: 1, start: '09:00', end: '17:00' }];

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const db = t.database.db;
  await createCalendar(db, { id: TEAM_CALENDAR, name: 'Team hours', kind: 'team', teamId: cast.team.id, timeZone: 'Europe/London', weekly: week });
  await createCalendar(db, { id: HOLIDAYS, name: 'Company holidays', kind: 'company-holidays', timeZone: 'Europe/London', weekly: [] });
});
afterAll(() => t.close());

const unique = () => randomBytes(3).toString('hex');
/** Admins, and the lead of the calendar's own team. */
const adminOrLead = (status: number) => ({ ...adminOnly(status), lead: status });

describeAccessMatrix(
  [
    {
      endpoint: 'GET /api/v1/calendars/{id}/holidays.ics',
      request: () => ({ method: 'GET', url: `/api/v1/calendars/${HOLIDAYS}/holidays.ics` }),
      expected: signedInOnly(200),
    },
    {
      endpoint: 'POST /api/v1/calendars (a team calendar)',
      request: (roles) => ({
        method: 'POST',
        url: '/api/v1/calendars',
        payload: { name: `Hours ${unique()}`, kind: 'team', teamId: roles.team.id, timeZone: 'Europe/Paris', weekly: week },
      }),
      expected: adminOrLead(201),
    },
    {
      endpoint: 'POST /api/v1/calendars (company holidays)',
      request: () => ({ method: 'POST', url: '/api/v1/calendars', payload: { name: `Holidays ${unique()}`, kind: 'company-holidays', timeZone: 'UTC' } }),
      expected: adminOnly(201),
    },
    {
      endpoint: 'PATCH /api/v1/calendars/{id} (a team calendar)',
      request: () => ({ method: 'PATCH', url: `/api/v1/calendars/${TEAM_CALENDAR}`, payload: { name: `Team hours ${unique()}` } }),
      expected: adminOrLead(200),
    },
    {
      endpoint: 'PATCH /api/v1/calendars/{id} (company holidays)',
      request: () => ({ method: 'PATCH', url: `/api/v1/calendars/${HOLIDAYS}`, payload: { name: `Company holidays ${unique()}` } }),
      expected: adminOnly(200),
    },
    {
      endpoint: 'POST /api/v1/calendars/{id}/closures',
      request: () => ({
        method: 'POST',
        url: `/api/v1/calendars/${TEAM_CALENDAR}/closures`,
        payload: { name: `Offsite ${unique()}`, startsOn: '2025-03-03', endsOn: '2025-03-04' },
      }),
      expected: adminOrLead(201),
    },
    {
      endpoint: 'DELETE /api/v1/calendars/{id}/closures/{closureId}',
      request: async () => {
        const closure = await addClosure(t.database.db, TEAM_CALENDAR, { name: 'Doomed', startsAt: '2025-04-01T12:00', endsAt: '2025-04-01T13:00' });
        return { method: 'DELETE', url: `/api/v1/calendars/${TEAM_CALENDAR}/closures/${closure.id}` };
      },
      expected: adminOrLead(204),
    },
  ],
  () => ({ t, cast }),
);

const as = (role: keyof Cast['headers']) => cast.headers[role];

describe('keeping calendars', () => {
  it("lets a lead create their team's calendar, with closures, and answers with where it lives", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendars',
      headers: as('lead'),
      payload: {
        name: 'Lead-made hours',
        kind: 'team',
        teamId: cast.team.id,
        timeZone: 'europe/london',
        weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '12:00', end: '17:00' }],
        closures: [{ name: 'Founders day', startsOn: '2025-05-05', endsOn: '2025-05-05' }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const calendar = response.json();
    expect(response.headers.location).toBe(`/api/v1/calendars/${calendar.id}`);
    expect(calendar).toMatchObject({ kind: 'team', teamId: cast.team.id, timeZone: 'Europe/London' });
    expect(calendar.closures).toEqual([{ id: expect.any(String), name: 'Founders day', startsOn: '2025-05-05', endsOn: '2025-05-05' }]);
  });

  it('counts on the new week and zone straight after a change', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/calendars/${TEAM_CALENDAR}`,
      headers: as('admin'),
      payload: { timeZone: 'America/New_York', weekly: [{ weekday: 1, start: '08:00', end: '16:00' }] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ timeZone: 'America/New_York', weekly: [{ weekday: 1, start: '08:00', end: '16:00' }] });
    const next = await t.app.inject({ method: 'GET', url: `/api/v1/calendars/${TEAM_CALENDAR}/next-open?at=2025-01-04T12:00:00Z`, headers: as('employee') });
    expect(next.json()).toMatchObject({ nextOpenLocal: '2025-01-06T08:00:00-05:00' });
  });

  it('adds a closure the arithmetic honours, and removing it reopens', async () => {
    const monday = `/api/v1/calendars/${TEAM_CALENDAR}/next-open?at=2025-06-02T13:00:00Z`;
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/calendars/${TEAM_CALENDAR}/closures`,
      headers: as('lead'),
      payload: { name: 'Team day', startsOn: '2025-06-02', endsOn: '2025-06-02' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: monday, headers: as('employee') })).json().open).toBe(false);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/calendars/${TEAM_CALENDAR}/closures/${added.json().id}`, headers: as('lead') });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: monday, headers: as('employee') })).json().open).toBe(true);
  });

  it("does not let a lead create a calendar for another team", async () => {
    const other = await buildTeam(t.database);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendars',
      headers: as('lead'),
      payload: { name: 'Not mine', kind: 'team', teamId: other.id, timeZone: 'UTC' },
    });
    expect(response.statusCode).toBe(403);
  });
});

const admin = () => ({ t, headers: cast.headers.admin });
const invalid = (name: string, request: BadInput['request'], field: string, status = 400, code = 'VALIDATION_FAILED'): BadInput => ({
  name,
  request,
  status,
  code,
  field,
});
const post = (payload: Record<string, unknown>) => ({ method: 'POST' as const, url: '/api/v1/calendars', payload });
const patch = (payload: Record<string, unknown>, id = TEAM_CALENDAR) => ({ method: 'PATCH' as const, url: `/api/v1/calendars/${id}`, payload });
const close = (payload: Record<string, unknown>) => ({ method: 'POST' as const, url: `/api/v1/calendars/${TEAM_CALENDAR}/closures`, payload });

describe('creating and changing calendars refuses', () => {
  itRefusesBadInput(
    [
      invalid('a zone that is an offset', post({ name: 'x', kind: 'company-holidays', timeZone: '+02:00' }), 'body.timeZone'),
      invalid('a zone that does not exist', post({ name: 'x', kind: 'company-holidays', timeZone: 'Mars/Olympus' }), 'body.timeZone'),
      invalid('an unknown field', post({ name: 'x', kind: 'company-holidays', timeZone: 'UTC', colour: 'red' }), 'body.colour'),
      invalid('an unknown kind', post({ name: 'x', kind: 'personal', timeZone: 'UTC' }), 'body.kind'),
      invalid('an empty name', post({ name: '  ', kind: 'company-holidays', timeZone: 'UTC' }), 'body.name'),
      invalid('a team calendar without a team', post({ name: 'x', kind: 'team', timeZone: 'UTC' }), 'body.teamId'),
      invalid('a holiday calendar with a team', post({ name: 'x', kind: 'company-holidays', teamId: NOBODY, timeZone: 'UTC' }), 'body.teamId'),
      invalid('a team that does not exist', post({ name: 'x', kind: 'team', teamId: NOBODY, timeZone: 'UTC' }), 'body.teamId'),
      invalid('an inverted interval', post({ name: 'x', kind: 'company-holidays', timeZone: 'UTC', weekly: [{ weekday: 1, start: '17:00', end: '09:00' }] }), 'body.weekly.0.end'),
      invalid(
        'overlapping intervals',
        post({ name: 'x', kind: 'company-holidays', timeZone: 'UTC', weekly: [{ weekday: 2, start: '09:00', end: '13:00' }, { weekday: 2, start: '12:00', end: '17:00' }] }),
        'body.weekly.1.start',
      ),
      invalid('weekday 8', post({ name: 'x', kind: 'company-holidays', timeZone: 'UTC', weekly: [{ weekday: 8, start: '09:00', end: '17:00' }] }), 'body.weekly.0.weekday'),
      invalid('a closure ending before it starts', post({ name: 'x', kind: 'company-holidays', timeZone: 'UTC', closures: [{ name: 'c', startsOn: '2025-01-02', endsOn: '2025-01-01' }] }), 'body.closures.0.endsOn'),
      invalid('a name that is HTML and too long', post({ name: `<script>${'a'.repeat(300)}`, kind: 'company-holidays', timeZone: 'UTC' }), 'body.name'),
      { name: 'malformed JSON', request: rawJson('POST', '/api/v1/calendars', '{"name": '), status: 400, code: 'MALFORMED_JSON' },
      invalid('changing the team of a calendar', patch({ teamId: NOBODY }), 'body.teamId'),
      invalid('changing the kind of a calendar', patch({ kind: 'company-holidays' }), 'body.kind'),
      invalid('a change that changes nothing', patch({}), 'body.name'),
      invalid('a bad zone in a change', patch({ timeZone: 'GMT+5' }), 'body.timeZone'),
      invalid('overlapping intervals in a change', patch({ weekly: [{ weekday: 3, start: '09:00', end: '17:00' }, { weekday: 3, start: '09:00', end: '10:00' }] }), 'body.weekly.1.start'),
      invalid('a change to an unknown calendar', patch({ name: 'y' }, NOBODY), 'params.id', 404, 'CALENDAR_NOT_FOUND'),
      invalid('a closure with neither days nor times', close({ name: 'c' }), 'body.startsOn'),
      invalid('a closure with both days and times', close({ name: 'c', startsOn: '2025-01-01', endsOn: '2025-01-01', startsAt: '2025-01-01T09:00', endsAt: '2025-01-01T10:00' }), 'body.startsAt'),
      invalid('an inverted closure range', close({ name: 'c', startsAt: '2025-01-01T13:00', endsAt: '2025-01-01T09:00' }), 'body.endsAt'),
      invalid('an empty closure range', close({ name: 'c', startsAt: '2025-01-01T13:00', endsAt: '2025-01-01T13:00' }), 'body.endsAt'),
      invalid('a closure with only a start day', close({ name: 'c', startsOn: '2025-01-01' }), 'body.endsOn'),
      invalid('a closure on 30 February', close({ name: 'c', startsOn: '2025-02-30', endsOn: '2025-03-01' }), 'body.startsOn'),
      invalid('a closure time with seconds and a zone', close({ name: 'c', startsAt: '2025-01-01T09:00:00Z', endsAt: '2025-01-01T10:00' }), 'body.startsAt'),
      invalid('a closure with an unknown field', close({ name: 'c', startsOn: '2025-01-01', endsOn: '2025-01-01', recurring: true }), 'body.recurring'),
      invalid(
        'a closure on an unknown calendar',
        { method: 'POST', url: `/api/v1/calendars/${NOBODY}/closures`, payload: { name: 'c', startsOn: '2025-01-01', endsOn: '2025-01-01' } },
        'params.id',
        404,
        'CALENDAR_NOT_FOUND',
      ),
      invalid('deleting an unknown closure', { method: 'DELETE', url: `/api/v1/calendars/${TEAM_CALENDAR}/closures/${NOBODY}` }, 'params.closureId', 404, 'CLOSURE_NOT_FOUND'),
      invalid('deleting a closure id that is not an id', { method: 'DELETE', url: `/api/v1/calendars/${TEAM_CALENDAR}/closures/1%20or%201=1` }, 'params.closureId'),
    ],
    admin,
  );
});
