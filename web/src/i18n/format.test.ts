import { describe, expect, it } from 'vitest';
import { durationWords, timeWords, whenWords, workingDurationWords } from './format.ts';

describe('durations in words', () => {
  it('says minutes, hours with minutes, then whole hours and days', () => {
    expect(durationWords(0.4)).toBe('1 minute');
    expect(durationWords(45)).toBe('45 minutes');
    expect(durationWords(70)).toBe('1 hour 10 minutes');
    expect(durationWords(120)).toBe('2 hours');
    expect(durationWords(7 * 60 + 20)).toBe('7 hours');
    expect(durationWords(3 * 1440)).toBe('3 days');
  });

  it('counts an SLA target in working time', () => {
    expect(workingDurationWords(30)).toBe('30 working minutes');
    expect(workingDurationWords(60)).toBe('1 working hour');
    expect(workingDurationWords(240)).toBe('4 working hours');
    expect(workingDurationWords(90)).toBe('1.5 working hours');
  });
});

describe('instants in words', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it('names today, tomorrow and later days in the viewer zone', () => {
    expect(whenWords('2026-11-26T15:00:00Z', now, 'UTC')).toBe('15:00 today');
    expect(timeWords('2026-11-26T15:00:00Z', now, 'UTC')).toBe('15:00');
    expect(whenWords('2026-11-27T08:00:00Z', now, 'UTC')).toBe('08:00 tomorrow');
    expect(whenWords('2026-11-30T08:00:00Z', now, 'UTC')).toBe('08:00 on Mon 30 Nov');
    expect(whenWords('2027-01-04T08:00:00Z', now, 'UTC')).toBe('08:00 on Mon, 4 Jan 2027');
  });

  it('uses the zone it is given: 23:30 UTC is already tomorrow in Tokyo', () => {
    expect(whenWords('2026-11-26T23:30:00Z', now, 'Asia/Tokyo')).toBe('08:30 tomorrow');
  });
});
