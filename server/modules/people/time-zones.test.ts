import { describe, expect, it } from 'vitest';
import { normaliseTimeZone } from './time-zones.ts';

describe('time zones', () => {
  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['utc', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    [' Asia/Tokyo ', 'Asia/Tokyo'],
  ])('accepts %s as %s', (given, stored) => {
    expect(normaliseTimeZone(given)).toBe(stored);
  });

  it.each(['', 'Mars/Olympus_Mons', '+01:00', 'GMT+1 or 1=1', '<script>', 'Europe/Paris\nX: y', 'A'.repeat(65)])(
    'refuses %j',
    (given) => {
      expect(normaliseTimeZone(given)).toBeUndefined();
    },
  );
});
