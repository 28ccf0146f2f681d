import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRefusesBadInput, type BadInput } from '../../../test/support/bad-input.ts';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Weekday } from './business-time.ts';
import { createCalendar } from './calendars.service.ts';

let t: TestApp;
let headers: Record<string, string>;
// Fixed ids, so the bad-input cases can be listed before the database exists.
const LONDON = '22222222-2222-4222-8222-222222222222';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({ weekday, start, end }));
let newYork: string;
let neverOpen: string;

beforeAll(async () => {
  t = await createTestApp();
  headers = await bearerFor(t.database, (await buildPerson(t.database)).id);
  const itLondon = await buildTeam(t.database, { slug: 'it-london', keyPrefix: 'ITL' });
  const db = t.database.db;
  await createCalendar(db, {
    name: 'Company holidays', kind: 'company-holidays', timeZone: 'Europe/London', weekly: [],
    closures: [{ name: 'Christmas', startsOn: '2024-12-25', endsOn: '2024-12-26' }],
  });
  await createCalendar(db, {
    id: LONDON,
    name: 'IT London', kind: 'team', teamId: itLondon.id, timeZone: 'Europe/London', weekly: weekdays('09:00', '17:30'),
    closures: [{ name: 'Christmas Eve afternoon', startsAt: '2024-12-24T13:00', endsAt: '2024-12-24T17:30' }],
  });
  const nyTeam = await buildTeam(t.database);
  newYork = (await createCalendar(db, { name: 'IT New York', kind: 'team', teamId: nyTeam.id, timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00') })).id;
  const closedTeam = await buildTeam(t.database);
  neverOpen = (await createCalendar(db, { name: 'Closed', kind: 'team', teamId: closedTeam.id, timeZone: 'UTC', weekly: [] })).id;
});
afterAll(() => t.close());

const get = async (url: string, as: Record<string, string> = headers) => t.app.inject({ method: 'GET', url, headers: as });

describe('calendars', () => {
  it('asks who is calling first', async () => {
    expect((await get('/api/v1/calendars', {})).statusCode).toBe(401);
    expect((await get(`/api/v1/calendars/${LONDON}/add?from=2024-12-24T12:00:00Z&minutes=1`, {})).statusCode).toBe(401);
  });

  it('lists every calendar to any signed-in person, holidays included', async () => {
    const response = await get('/api/v1/calendars');
    expect(response.statusCode, response.body).toBe(200);
    const names = response.json().items.map((calendar: { name: string }) => calendar.name);
    expect(names).toEqual(expect.arrayContaining(['Company holidays', 'IT London', 'IT New York']));
  });

  it('shows a calendar with its own closures, its week and whether it is open now', async () => {
    const response = await get(`/api/v1/calendars/${LONDON}`);
    expect(response.statusCode, response.body).toBe(200);
    const calendar = response.json();
    expect(calendar).toMatchObject({ id: LONDON, timeZone: 'Europe/London', kind: 'team' });
    expect(calendar.weekly).toHaveLength(5);
    expect(calendar.closures).toEqual([{ id: expect.any(String), name: 'Christmas Eve afternoon', startsAt: '2024-12-24T13:00', endsAt: '2024-12-24T17:30' }]);
    expect(typeof calendar.openNow).toBe('boolean');
    expect(calendar.nextOpen).toEqual(expect.any(String));
  });

  it('adds business minutes past its own closure and the company holidays', async () => {
    const response = await get(`/api/v1/calendars/${LONDON}/add?from=2024-12-24T12:00:00Z&minutes=90`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ due: '2024-12-27T09:30:00.000Z', dueLocal: '2024-12-27T09:30:00+00:00', minutes: 90 });
  });

  it('measures business minutes between two instants', async () => {
    const response = await get(`/api/v1/calendars/${LONDON}/between?from=2024-12-23T00:00:00Z&to=2024-12-28T00:00:00Z`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().minutes).toBe(510 + 240 + 510);
  });

  it('says when it opens next, in UTC and on its own wall clock', async () => {
    const saturday = await get(`/api/v1/calendars/${LONDON}/next-open?at=2024-06-15T12:00:00%2B01:00`);
    expect(saturday.json()).toMatchObject({ open: false, nextOpen: '2024-06-17T08:00:00.000Z', nextOpenLocal: '2024-06-17T09:00:00+01:00' });
    const monday = await get(`/api/v1/calendars/${LONDON}/next-open?at=2024-06-17T10:00:00Z`);
    expect(monday.json()).toMatchObject({ open: true, nextOpen: '2024-06-17T10:00:00.000Z' });
  });

  it('counts wall-clock hours across a daylight-saving change', async () => {
    // Friday 16:00 EST + 120 min: 60 on Friday, 60 on Monday -> 10:00 EDT.
    const response = await get(`/api/v1/calendars/${newYork}/add?from=2024-03-08T21:00:00Z&minutes=120`);
    expect(response.json()).toMatchObject({ due: '2024-03-11T14:00:00.000Z', dueLocal: '2024-03-11T10:00:00-04:00' });
  });

  it('says plainly when a calendar never opens', async () => {
    const response = await get(`/api/v1/calendars/${neverOpen}/add?from=2024-03-08T21:00:00Z&minutes=1`);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('CALENDAR_NEVER_OPENS');
    expect((await get(`/api/v1/calendars/${neverOpen}`)).json().nextOpen).toBeNull();
  });

  it('refuses to store a calendar it could not count on', async () => {
    const db = t.database.db;
    await expect(createCalendar(db, { name: 'x', kind: 'company-holidays', timeZone: '+02:00', weekly: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      createCalendar(db, { name: 'x', kind: 'company-holidays', timeZone: 'UTC', weekly: [{ weekday: 1, start: '17:00', end: '09:00' }] }),
    ).rejects.toMatchObject({ errors: [{ field: 'body.weekly' }] });
  });
});

const invalid = (name: string, url: string, field: string): BadInput => ({ name, request: { method: 'GET', url }, status: 400, code: 'VALIDATION_FAILED', field });
const base = `/api/v1/calendars/${LONDON}`;

describe('calendar arithmetic refuses', () => {
  itRefusesBadInput(
    [
      invalid('a from that is not a date', `${base}/add?from=yesterday&minutes=5`, 'query.from'),
      invalid('a from without a zone or offset', `${base}/add?from=2024-12-24T12:00:00&minutes=5`, 'query.from'),
      invalid('a from that is SQL', `${base}/add?from=${encodeURIComponent("1' or '1'='1")}&minutes=5`, 'query.from'),
      invalid('an impossible date', `${base}/add?from=2024-02-30T12:00:00Z&minutes=5`, 'query.from'),
      invalid('missing minutes', `${base}/add?from=2024-12-24T12:00:00Z`, 'query.minutes'),
      invalid('negative minutes', `${base}/add?from=2024-12-24T12:00:00Z&minutes=-5`, 'query.minutes'),
      invalid('fractional minutes', `${base}/add?from=2024-12-24T12:00:00Z&minutes=1.5`, 'query.minutes'),
      invalid('huge minutes', `${base}/add?from=2024-12-24T12:00:00Z&minutes=99999999999`, 'query.minutes'),
      invalid('words for minutes', `${base}/add?from=2024-12-24T12:00:00Z&minutes=ten`, 'query.minutes'),
      invalid('an unknown parameter', `${base}/add?from=2024-12-24T12:00:00Z&minutes=5&zone=UTC`, 'query.zone'),
      invalid('to before from', `${base}/between?from=2024-12-24T12:00:00Z&to=2024-12-23T12:00:00Z`, 'query.to'),
      invalid('a range of decades', `${base}/between?from=2000-01-01T00:00:00Z&to=2090-01-01T00:00:00Z`, 'query.to'),
      invalid('a bad to', `${base}/between?from=2024-12-24T12:00:00Z&to=soon`, 'query.to'),
      invalid('a bad at', `${base}/next-open?at=noon`, 'query.at'),
      invalid('an id that is not an id', '/api/v1/calendars/it-london/add?from=2024-12-24T12:00:00Z&minutes=5', 'params.id'),
      {
        name: 'an unknown calendar',
        request: { method: 'GET', url: `/api/v1/calendars/${NOBODY}/add?from=2024-12-24T12:00:00Z&minutes=5` },
        status: 404,
        code: 'CALENDAR_NOT_FOUND',
        field: 'params.id',
      },
    ],
    () => ({ t, headers }),
  );
});
