import { describe, expect, it } from 'vitest';
import { intervalsFromText, weekText } from './weekly-hours.ts';

describe('a week as text', () => {
  it('reads and writes one line per weekday', () => {
    const week = [
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 5, start: '09:00', end: '15:00' },
    ];
    const text = weekText(week);
    expect(text[1]).toBe('09:00-12:00, 13:00-17:00');
    expect(text[7]).toBe('');
    expect(intervalsFromText(text)).toEqual({
      intervals: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '17:00' },
        { weekday: 5, start: '09:00', end: '15:00' },
      ],
      problems: [],
    });
  });

  it('pads short hours and reports what is not a range instead of guessing', () => {
    expect(intervalsFromText({ 2: '9:00 - 17:30, lunch' })).toEqual({
      intervals: [{ weekday: 2, start: '09:00', end: '17:30' }],
      problems: [{ weekday: 2, part: 'lunch' }],
    });
  });
});
