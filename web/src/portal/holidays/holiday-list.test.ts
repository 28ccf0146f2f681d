import { describe, expect, it } from 'vitest';
import type { Closure } from '../../api/types.ts';
import { localNow, upcomingByYear } from './holiday-list.ts';

const days = (id: string, name: string, startsOn: string, endsOn = startsOn): Closure => ({ id, name, startsOn, endsOn });

describe('the company holidays still ahead', () => {
  const closures: Closure[] = [
    days('a', 'New Year’s Day', '2027-01-01'),
    days('b', 'Christmas Day', '2026-12-25'),
    days('c', 'Summer bank holiday', '2026-08-31'),
    days('d', 'Winter break', '2026-12-31', '2027-01-02'),
    { id: 'e', name: 'Office party', startsAt: '2026-12-18T13:00', endsAt: '2026-12-18T17:00' },
    { id: 'f', name: 'This morning', startsAt: '2026-11-26T08:00', endsAt: '2026-11-26T10:00' },
    days('g', 'Today', '2026-11-26'),
  ];

  it('leaves out what is over, sorts the rest and groups it by the year it starts', () => {
    const years = upcomingByYear(closures, { date: '2026-11-26', dateTime: '2026-11-26T12:00' });
    expect(years.map((year) => year.year)).toEqual([2026, 2027]);
    expect(years[0]!.holidays.map((holiday) => holiday.name)).toEqual(['Today', 'Office party', 'Christmas Day', 'Winter break']);
    expect(years[1]!.holidays.map((holiday) => holiday.name)).toEqual(['New Year’s Day']);
  });

  it('says each date with its day of the week, ranges and parts of days too', () => {
    const [thisYear, nextYear] = upcomingByYear(closures, { date: '2026-11-26', dateTime: '2026-11-26T12:00' });
    const byName = Object.fromEntries([...thisYear!.holidays, ...nextYear!.holidays].map((holiday) => [holiday.name, holiday]));
    expect(byName['Christmas Day']).toMatchObject({ when: 'Fri 25 Dec', days: 1 });
    expect(byName['New Year’s Day']).toMatchObject({ when: 'Fri 1 Jan', days: 1 });
    expect(byName['Winter break']).toMatchObject({ when: 'Thu 31 Dec – Sat, 2 Jan 2027', days: 3 });
    expect(byName['Office party']).toMatchObject({ when: 'Fri 18 Dec, 13:00–17:00', days: null });
  });

  it('is empty when nothing is ahead', () => {
    expect(upcomingByYear(closures, { date: '2028-01-01', dateTime: '2028-01-01T00:00' })).toEqual([]);
  });

  it('reads today on the calendar’s clock, not the viewer’s', () => {
    // 23:30 in New York on 31 Dec is already 1 January in London.
    const instant = new Date('2027-01-01T04:30:00Z');
    expect(localNow('Europe/London', instant)).toEqual({ date: '2027-01-01', dateTime: '2027-01-01T04:30' });
    expect(localNow('America/New_York', instant)).toEqual({ date: '2026-12-31', dateTime: '2026-12-31T23:30' });
  });
});
