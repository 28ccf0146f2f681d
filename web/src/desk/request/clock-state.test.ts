import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../api/types.ts';
import { clockState, countdown } from './clock-state.ts';

const clock = (over: Partial<SlaClock>): SlaClock => ({
  metric: 'first_response',
  targetMinutes: 60,
  dueAt: '2026-11-26T15:00:00.000Z',
  paused: false,
  remainingMinutes: 30,
  breachedAt: null,
  stoppedAt: null,
  met: null,
  businessHours: true,
  ...over,
});

describe('an SLA clock at a given instant', () => {
  it('counts down to its due time, then counts how far past it is', () => {
    expect(clockState(clock({}), new Date('2026-11-26T14:30:00.000Z'))).toEqual({ kind: 'running', leftMs: 30 * 60_000, dueAt: '2026-11-26T15:00:00.000Z' });
    expect(clockState(clock({}), new Date('2026-11-26T15:00:01.000Z'))).toEqual({ kind: 'overdue', overMs: 1000, dueAt: '2026-11-26T15:00:00.000Z' });
  });

  it('is paused when the server gives no due time, and says met or missed once stopped', () => {
    expect(clockState(clock({ paused: true, dueAt: null }), new Date()).kind).toBe('paused');
    expect(clockState(clock({ stoppedAt: '2026-11-26T14:00:00.000Z', met: 'met' }), new Date()).kind).toBe('met');
    expect(clockState(clock({ stoppedAt: '2026-11-26T16:00:00.000Z', met: 'missed' }), new Date()).kind).toBe('missed');
    expect(clockState(clock({ stoppedAt: '2026-11-26T16:00:00.000Z', met: null }), new Date()).kind).toBe('stopped');
  });

  it('writes the countdown with ticking seconds', () => {
    expect(countdown(65_000)).toBe('1:05');
    expect(countdown(3_725_000)).toBe('1:02:05');
    expect(countdown(26 * 3_600_000)).toBe('26:00:00');
    expect(countdown(999)).toBe('0:00');
  });
});
