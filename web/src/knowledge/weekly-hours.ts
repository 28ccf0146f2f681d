import { knowledge } from '../i18n/en-knowledge.ts';

// A team's week in words for its page: one line per weekday, Monday first, "Closed" on days off.

export interface WeeklyInterval {
  weekday: number;
  start: string;
  end: string;
}

export interface DayHours {
  day: string;
  hours: string;
}

export function weekInWords(weekly: readonly WeeklyInterval[]): DayHours[] {
  return knowledge.team.weekdays.map((day, index) => {
    const intervals = weekly
      .filter((interval) => interval.weekday === index + 1)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((interval) => `${interval.start}–${interval.end}`);
    return { day, hours: intervals.length > 0 ? intervals.join(', ') : knowledge.team.closed };
  });
}
