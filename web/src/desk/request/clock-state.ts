import type { SlaClock } from '../../api/types.ts';

// A service-level clock as it stands at `now`: the server's dueAt is the instant its target is
// reached (business time already counted in), so between two reads the time left is wall time.

export type ClockState =
  | { kind: 'running'; leftMs: number; dueAt: string }
  | { kind: 'overdue'; overMs: number; dueAt: string }
  | { kind: 'paused' }
  | { kind: 'met' }
  | { kind: 'missed' }
  | { kind: 'stopped' };

export function clockState(clock: SlaClock, now: Date): ClockState {
  if (clock.stoppedAt) return clock.met === 'met' ? { kind: 'met' } : clock.met === 'missed' ? { kind: 'missed' } : { kind: 'stopped' };
  if (clock.paused || !clock.dueAt) return { kind: 'paused' };
  const left = Date.parse(clock.dueAt) - now.getTime();
  return left > 0 ? { kind: 'running', leftMs: left, dueAt: clock.dueAt } : { kind: 'overdue', overMs: -left, dueAt: clock.dueAt };
}

/** "1:02:05" or "4:09": the seconds tick, so the agent sees the clock is live. Days become hours. */
export function countdown(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}
