import { describe, expect, it } from 'vitest';
import { weekInWords } from './weekly-hours.ts';

describe("a team's week", () => {
  it('says each weekday from Monday, split hours in order, days off as closed', () => {
    const week = weekInWords([
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 5, start: '09:00', end: '15:00' },
    ]);
    expect(week).toHaveLength(7);
    expect(week[0]).toEqual({ day: 'Monday', hours: '09:00–12:00, 13:00–17:00' });
    expect(week[1]).toEqual({ day: 'Tuesday', hours: 'Closed' });
    expect(week[4]).toEqual({ day: 'Friday', hours: '09:00–15:00' });
    expect(week[6]).toEqual({ day: 'Sunday', hours: 'Closed' });
  });
});
