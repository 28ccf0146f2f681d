import type { SlaClock } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { whenWords } from '../../i18n/format.ts';

/**
 * A service-level clock as the requester reads it: "First answer: due today at 15:00", "on hold",
 * "done …, on time". The API's `met` is set once the clock stops; a running clock past its due time
 * has breachedAt.
 */
export function clockWords(clock: SlaClock, now: Date = new Date(), timeZone?: string): string {
  const metric = en.metrics[clock.metric];
  if (clock.stoppedAt) {
    const when = whenWords(clock.stoppedAt, now, timeZone);
    if (clock.met === 'met') return en.request.clockMet(metric, when);
    if (clock.met === 'missed') return en.request.clockMissed(metric, when);
    return en.request.clockStopped(metric);
  }
  if (clock.paused || !clock.dueAt) return en.request.clockPaused(metric);
  const due = whenWords(clock.dueAt, now, timeZone);
  return clock.breachedAt ? en.request.clockOverdue(metric, due) : en.request.clockDue(metric, en.time.by(due));
}

/** The first-response due time, for the acknowledgement. */
export function firstResponseDue(clocks: readonly SlaClock[]): string | null {
  const clock = clocks.find((candidate) => candidate.metric === 'first_response');
  return clock && !clock.stoppedAt && !clock.paused && clock.dueAt ? clock.dueAt : null;
}
