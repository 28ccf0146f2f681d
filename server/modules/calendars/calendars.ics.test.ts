import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createCalendar } from './calendars.service.ts';

let t: TestApp;
let headers: Record<string, string>;
let london: string;
let holidays: string;
const NOBODY = '00000000-0000-4000-8000-000000000000';
const unfold = (text: string) => text.replace(/\r\n /g, '');

beforeAll(async () => {
  t = await createTestApp();
  headers = await bearerFor(t.database, (await buildPerson(t.database)).id);
  const db = t.database.db;
  holidays = (
    await createCalendar(db, {
      name: 'Company holidays',
      kind: 'company-holidays',
      timeZone: 'Europe/London',
      weekly: [],
      closures: [{ name: 'Christmas, Boxing Day; closed \\ see wiki\nback on the 27th', startsOn: '2024-12-25', endsOn: '2024-12-26' }],
    })
  ).id;
  const team = await buildTeam(t.database);
  london = (
    await createCalendar(db, {
      name: 'IT London',
      kind: 'team',
      teamId: team.id,
      timeZone: 'Europe/London',
      weekly: [{ weekday: 1, start: '09:00', end: '17:30' }],
      closures: [
        // 13:00 on London's clock in summer is 12:00 UTC; in winter it is 13:00 UTC.
        { name: 'Summer party', startsAt: '2024-07-05T13:00', endsAt: '2024-07-05T17:30' },
        { name: `Offsite ${'with a very long name '.repeat(8)}`, startsOn: '2024-12-31', endsOn: '2024-12-31' },
      ],
    })
  ).id;
});
afterAll(() => t.close());

const feed = (id: string, as: Record<string, string> = headers) => t.app.inject({ method: 'GET', url: `/api/v1/calendars/${id}/holidays.ics`, headers: as });

describe('GET /api/v1/calendars/{id}/holidays.ics', () => {
  it('is an iCalendar feed of the closures, one event each', async () => {
    const response = await feed(holidays);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = response.body;
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:[^\r\n]+\r\n/);
    expect(body).toContain('X-WR-CALNAME:Company holidays\r\n');
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).toContain('DTSTART;VALUE=DATE:20241225\r\nDTEND;VALUE=DATE:20241227\r\n');
    expect(unfold(body)).toContain('SUMMARY:Christmas\\, Boxing Day\\; closed \\\\ see wiki\\nback on the 27th\r\n');
    expect(body).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it("writes a wall-clock closure as UTC instants on the calendar's clock, and folds long lines", async () => {
    const body = (await feed(london)).body;
    expect(body).toContain('DTSTART:20240705T120000Z\r\nDTEND:20240705T163000Z\r\n');
    expect(body).toContain('DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n');
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(unfold(body)).toContain(`SUMMARY:Offsite ${'with a very long name '.repeat(8)}\r\n`);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps each closure\'s UID across refreshes, so subscribers update instead of duplicating', async () => {
    const uids = (text: string) => text.match(/^UID:.*$/gm);
    const first = (await feed(london)).body;
    const again = (await feed(london)).body;
    expect(uids(first)).toHaveLength(2);
    expect(uids(again)).toEqual(uids(first));
    expect(again).toBe(first);
    for (const uid of uids(first) ?? []) expect(uid).toMatch(/^UID:[0-9a-f-]{36}@hallway\r?$/);
  });

  it('asks the signed-out to sign in', async () => {
    const response = await feed(london, {});
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers an unknown calendar with a 404 problem naming the id', async () => {
    const response = await feed(NOBODY);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'CALENDAR_NOT_FOUND', errors: [{ field: 'params.id' }] });
    expect((await feed('not-a-calendar')).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'params.id' }] });
  });
});
