import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRefusesBadInput, type BadInput } from '../../../test/support/bad-input.ts';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Weekday } from './business-time.ts';
import { createCalendar } from './calendars.service.ts';

let t: TestApp;
let headers: Record<string, string>;
let londonCalendar: string;
const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({ weekday, start, end }));

beforeAll(async () => {
  t = await createTestApp();
  headers = await bearerFor(t.database, (await buildPerson(t.database)).id);
  const db = t.database.db;
  const london = await buildTeam(t.database, { slug: 'avail-london', name: 'IT London', keyPrefix: 'AVL' });
  await buildTeam(t.database, { slug: 'avail-nocal', keyPrefix: 'AVN' });
  await createCalendar(db, {
    name: 'Company holidays', kind: 'company-holidays', timeZone: 'Europe/London', weekly: [],
    closures: [{ name: 'Spring bank holiday', startsOn: '2024-05-27', endsOn: '2024-05-27' }],
  });
  londonCalendar = (await createCalendar(db, {
    name: 'IT London', kind: 'team', teamId: london.id, timeZone: 'Europe/London', weekly: weekdays('09:00', '17:30'),
  })).id;
});
afterAll(() => t.close());

const get = async (url: string, as: Record<string, string> = headers) => t.app.inject({ method: 'GET', url, headers: as });
const availability = (at?: string) => `/api/v1/teams/avail-london/availability${at ? `?at=${encodeURIComponent(at)}` : ''}`;

describe('team availability', () => {
  it('asks who is calling first', async () => {
    const response = await get(availability('2024-06-17T10:00:00Z'), {});
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('says a team is open now, and when it closes', async () => {
    const response = await get(availability('2024-06-17T10:00:00Z'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      team: { slug: 'avail-london', name: 'IT London' },
      calendarId: londonCalendar,
      timeZone: 'Europe/London',
      at: '2024-06-17T10:00:00.000Z',
      openNow: true,
      nextOpenAt: '2024-06-17T10:00:00.000Z',
      nextOpenLocal: '2024-06-17T11:00:00+01:00',
      closesAt: '2024-06-17T16:30:00.000Z',
    });
  });

  it('at night points to the next morning on the team clock', async () => {
    const response = await get(availability('2024-06-18T23:00:00+01:00'));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ openNow: false, nextOpenAt: '2024-06-19T08:00:00.000Z', nextOpenLocal: '2024-06-19T09:00:00+01:00' });
    expect(body).not.toHaveProperty('closesAt');
  });

  it('skips a company holiday to the day after', async () => {
    const response = await get(availability('2024-05-27T10:00:00+01:00'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ openNow: false, nextOpenAt: '2024-05-28T08:00:00.000Z', nextOpenLocal: '2024-05-28T09:00:00+01:00' });
  });

  it('answers for now when no instant is given', async () => {
    const response = await get(availability());
    expect(response.statusCode, response.body).toBe(200);
    expect(typeof response.json().openNow).toBe('boolean');
  });
});

const refused = (name: string, url: string, status: number, code: string, field: string): BadInput => ({ name, request: { method: 'GET', url }, status, code, field });

describe('team availability refuses', () => {
  itRefusesBadInput(
    [
      refused('a bad at', '/api/v1/teams/avail-london/availability?at=noon', 400, 'VALIDATION_FAILED', 'query.at'),
      refused('an at without an offset', '/api/v1/teams/avail-london/availability?at=2024-06-17T10:00:00', 400, 'VALIDATION_FAILED', 'query.at'),
      refused('an unknown parameter', '/api/v1/teams/avail-london/availability?zone=UTC', 400, 'VALIDATION_FAILED', 'query.zone'),
      refused('an unknown team', '/api/v1/teams/nobody-here/availability', 404, 'TEAM_NOT_FOUND', 'params.slug'),
      refused('a team without a calendar', '/api/v1/teams/avail-nocal/availability', 404, 'TEAM_HAS_NO_CALENDAR', 'params.slug'),
    ],
    () => ({ t, headers }),
  );
});
