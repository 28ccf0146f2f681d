import type { WeeklyInterval } from '../api/types.ts';

// A calendar's week as one line of text per weekday ("09:00-12:00, 13:00-17:00"): quick to type
// and to read back. The API checks the times and overlaps and names the interval; this only splits.

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export type WeekText = Record<number, string>;

export function weekText(intervals: readonly WeeklyInterval[]): WeekText {
  const text: WeekText = {};
  for (const day of weekdays) {
    text[day] = intervals
      .filter((interval) => interval.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((interval) => `${interval.start}-${interval.end}`)
      .join(', ');
  }
  return text;
}

export interface WeekProblem {
  weekday: number;
  part: string;
}

/** The intervals typed, in weekday order; each part that is not "HH:MM-HH:MM" is reported, not guessed at. */
export function intervalsFromText(text: WeekText): { intervals: WeeklyInterval[]; problems: WeekProblem[] } {
  const intervals: WeeklyInterval[] = [];
  const problems: WeekProblem[] = [];
  for (const day of weekdays) {
    for (const part of (text[day] ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
      const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part);
      if (!match) {
        problems.push({ weekday: day, part });
        continue;
      }
      const pad = (time: string) => time.padStart(5, '0');
      intervals.push({ weekday: day, start: pad(match[1]!), end: pad(match[2]!) });
    }
  }
  return { intervals, problems };
}

/** The API names a bad interval by its index in what was sent (`body.weekly.3.end`); this finds its weekday. */
export function weekdayOfInterval(intervals: readonly WeeklyInterval[], index: number): number | undefined {
  return intervals[index]?.weekday;
}
