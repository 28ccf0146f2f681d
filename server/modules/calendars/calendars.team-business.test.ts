import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Weekday } from './business-time.ts';
import { businessCalendarById, businessCalendarOfTeam, createCalendar } from './calendars.service.ts';

// A filing reads its team's business calendar in one statement (businessCalendarOfTeam); it must
// say exactly what the calendar read by id says: its hours, its closures and the company holidays.

let t: TestApp;
const teams: Record<string, string> = {};
const calendarIds: Record<string, string> = {};
const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({ weekday, start, end }));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const slug of ['tb-closed', 'tb-open', 'tb-other', 'tb-none']) {
    teams[slug] = (await buildTeam(t.database, { slug, keyPrefix: slug.slice(3, 6).toUpperCase() })).id;
  }
  await createCalendar(db, {
    name: 'Company holidays', kind: 'company-holidays', timeZone: 'Europe/London', weekly: [],
    closures: [
      { name: 'Christmas Day', startsOn: '2026-12-25', endsOn: '2026-12-25' },
      { name: 'Spring bank holiday', startsOn: '2026-05-25', endsOn: '2026-05-25' },
    ],
  });
  // A second company calendar with nothing in it yet: it must not add an empty closure.
  await createCalendar(db, { name: 'Company holidays (draft)', kind: 'company-holidays', timeZone: 'UTC', weekly: [] });
  calendarIds['tb-closed'] = (await createCalendar(db, {
    name: 'Closed often', kind: 'team', teamId: teams['tb-closed'], timeZone: 'Europe/London', weekly: weekdays('09:00', '17:30'),
    closures: [
      { name: 'Offsite', startsAt: '2026-12-24T13:00', endsAt: '2026-12-24T17:30' },
      { name: 'Stocktake', startsOn: '2026-03-02', endsOn: '2026-03-03' },
    ],
  })).id;
  calendarIds['tb-open'] = (await createCalendar(db, {
    name: 'Never closed', kind: 'team', teamId: teams['tb-open'], timeZone: 'America/New_York', weekly: weekdays('08:00', '16:00'),
  })).id;
  calendarIds['tb-other'] = (await createCalendar(db, {
    name: 'Another team', kind: 'team', teamId: teams['tb-other'], timeZone: 'Asia/Tokyo', weekly: weekdays('10:00', '18:00'),
    closures: [{ name: 'Golden Week', startsOn: '2026-04-29', endsOn: '2026-05-06' }],
  })).id;
});
afterAll(() => t.close());

describe("a team's business calendar", () => {
  it('is the calendar by id: its hours, its own closures and the company holidays, in the same order', async () => {
    for (const slug of ['tb-closed', 'tb-open', 'tb-other']) {
      const ofTeam = await businessCalendarOfTeam(t.database.db, teams[slug]!);
      expect(ofTeam).toEqual(await businessCalendarById(t.database.db, calendarIds[slug]!));
      expect(ofTeam?.calendarId).toBe(calendarIds[slug]);
    }
  });

  it("honours the company holidays and its own closures, never another team's", async () => {
    const closed = await businessCalendarOfTeam(t.database.db, teams['tb-closed']!);
    expect(closed?.timeZone).toBe('Europe/London');
    expect(closed?.business.closures).toHaveLength(4);
    expect(closed?.business.closures).toContainEqual({ startsOn: '2026-12-25', endsOn: '2026-12-25' });
    expect(closed?.business.closures).toContainEqual({ startsAt: '2026-12-24T13:00', endsAt: '2026-12-24T17:30' });
    expect(closed?.business.closures).not.toContainEqual({ startsOn: '2026-04-29', endsOn: '2026-05-06' });
    const open = await businessCalendarOfTeam(t.database.db, teams['tb-open']!);
    expect(open?.business.closures).toEqual([
      { startsOn: '2026-05-25', endsOn: '2026-05-25' },
      { startsOn: '2026-12-25', endsOn: '2026-12-25' },
    ]);
  });

  it('is undefined for a team that keeps no calendar (the company holidays alone are not one)', async () => {
    expect(await businessCalendarOfTeam(t.database.db, teams['tb-none']!)).toBeUndefined();
  });
});
