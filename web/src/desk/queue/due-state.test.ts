import { describe, expect, it } from 'vitest';
import { dueState } from './due-state.ts';

const now = new Date('2026-11-26T12:00:00.000Z');

describe('how urgent a request is by its earliest clock', () => {
  it('has no urgency without a running clock', () => {
    expect(dueState(null, null, now)).toEqual({ kind: 'none' });
    expect(dueState(undefined, undefined, now)).toEqual({ kind: 'none' });
  });

  it('is overdue once its due time has passed, by how long', () => {
    expect(dueState('2026-11-26T11:30:00.000Z', '2026-11-26T11:00:00.000Z', now)).toEqual({ kind: 'overdue', minutes: 30 });
  });

  it('is due soon from its warning instant on', () => {
    expect(dueState('2026-11-26T14:00:00.000Z', '2026-11-26T11:59:00.000Z', now)).toEqual({ kind: 'soon', minutes: 120 });
    expect(dueState('2026-11-26T14:00:00.000Z', '2026-11-26T13:00:00.000Z', now)).toEqual({ kind: 'later', minutes: 120 });
  });

  it('takes the last hour as soon when the server gives no warning instant', () => {
    expect(dueState('2026-11-26T12:45:00.000Z', null, now).kind).toBe('soon');
    expect(dueState('2026-11-26T13:15:00.000Z', null, now).kind).toBe('later');
  });
});
