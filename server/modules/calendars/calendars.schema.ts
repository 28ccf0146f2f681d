import { z } from 'zod';

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day HH:MM (00:00 to 24:00)');
const localDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a local date-time YYYY-MM-DDTHH:MM');

export const weeklyInterval = z
  .strictObject({
    weekday: z.int().min(1).max(7).describe('ISO weekday: 1 is Monday, 7 is Sunday'),
    start: clockTime,
    end: clockTime.describe('exclusive; later than start on the same day'),
  })
  .refine((interval) => interval.end > interval.start, { message: 'must end after it starts', path: ['end'] });

/** What the jsonb column `calendars.weekly` may hold; checked before every write. */
export const weeklyIntervals = z.array(weeklyInterval).max(70);

export const closureView = z.union([
  z.object({ name: z.string(), startsOn: localDate, endsOn: localDate.describe('inclusive') }),
  z.object({ name: z.string(), startsAt: localDateTime, endsAt: localDateTime.describe('exclusive') }),
]);

export const calendarKind = z.enum(['team', 'company-holidays']);

export const calendarView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: calendarKind,
  teamId: z.uuid().nullable(),
  timeZone: z.string().describe('IANA time zone: the wall clock business time is counted on'),
  weekly: z.array(weeklyInterval),
});

export const calendarDetailView = calendarView.extend({
  closures: z.array(closureView),
  openNow: z.boolean(),
  nextOpen: z.iso.datetime().nullable().describe('null when the calendar never opens'),
});

export const calendarIdParams = z.strictObject({ id: z.uuid({ message: 'must be a calendar id' }) });

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with Z or an offset' });
/** A year of minutes: far beyond any service target, and it bounds the work one call can ask for. */
export const MAX_MINUTES = 525_600;
/** The longest range `between` measures (about five years), for the same reason. */
export const MAX_RANGE_DAYS = 1_830;

export const addQuery = z.strictObject({
  from: instant,
  minutes: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(MAX_MINUTES, `must be at most ${MAX_MINUTES}`),
});

export const betweenQuery = z
  .strictObject({ from: instant, to: instant })
  .refine((query) => Date.parse(query.to) >= Date.parse(query.from), { message: 'must not be before from', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= MAX_RANGE_DAYS * 86_400_000, {
    message: `must be at most ${MAX_RANGE_DAYS} days after from`,
    path: ['to'],
  });

export const nextOpenQuery = z.strictObject({ at: instant.optional().describe('defaults to now') });

export const addResult = z.object({
  calendarId: z.uuid(),
  from: z.iso.datetime(),
  minutes: z.int(),
  due: z.iso.datetime().describe('UTC; the earliest instant by which that much business time has passed'),
  dueLocal: z.string().describe("the same instant on the calendar's wall clock, with its offset"),
});

export const betweenResult = z.object({
  calendarId: z.uuid(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  minutes: z.number().describe('business minutes in [from, to); fractional when the instants are'),
});

export const nextOpenResult = z.object({
  calendarId: z.uuid(),
  at: z.iso.datetime(),
  open: z.boolean(),
  nextOpen: z.iso.datetime(),
  nextOpenLocal: z.string(),
});

export type CalendarView = z.infer<typeof calendarView>;
export type CalendarDetailView = z.infer<typeof calendarDetailView>;
export type ClosureView = z.infer<typeof closureView>;
export type CalendarKind = z.infer<typeof calendarKind>;
export type CreateCalendarInput = {
  /** Given by seeds and tests that need a known id; otherwise the database picks one. */
  id?: string;
  name: string;
  kind: CalendarKind;
  teamId?: string | null;
  timeZone: string;
  weekly: z.input<typeof weeklyIntervals>;
  closures?: ClosureView[];
};
