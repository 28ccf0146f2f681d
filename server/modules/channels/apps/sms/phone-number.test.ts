import { describe, expect, it } from 'vitest';
import { matchingSuffix, toE164 } from './phone-number.ts';

describe('toE164', () => {
  it('keeps a full international number, dropping the usual separators', () => {
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('+1 (555) 010-0199')).toBe('+15550100199');
    expect(toE164('tel:+33.1.23.45.67.89')).toBe('+33123456789');
    expect(toE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(toE164('+44 (0)20 7946 0958')).toBe('+442079460958');
  });

  it("completes a national number with the connection's country code, dropping one trunk zero", () => {
    expect(toE164('020 7946 0958', '44')).toBe('+442079460958');
    expect(toE164('020 7946 0958', '+44')).toBe('+442079460958');
    expect(toE164('(555) 010-0199', '1')).toBe('+15550100199');
  });

  it('refuses what is not a number rather than guessing', () => {
    expect(toE164('020 7946 0958')).toBeNull(); // national, no country known
    expect(toE164('020 7946 0958', 'UK')).toBeNull();
    expect(toE164('+44 20 7946 0958 ext 12')).toBeNull();
    expect(toE164('+0 123 456 789')).toBeNull();
    expect(toE164('+12345')).toBeNull(); // too short
    expect(toE164('+1234567890123456')).toBeNull(); // 16 digits
    expect(toE164("+44' or 1=1 --")).toBeNull();
    expect(toE164('')).toBeNull();
  });

  it('matches candidates on the last seven digits', () => {
    expect(matchingSuffix('+442079460958')).toBe('9460958');
  });
});
