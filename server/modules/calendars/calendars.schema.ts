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

/**
 * What the jsonb column `calendars.weekly` may hold; checked before every write. Intervals on one
 * weekday may touch (09:00-12:00, 12:00-17:00) but not overlap: an overlap is always a typo.
 */
export const weeklyIntervals = z
  .array(weeklyInterval)
  .max(70)
  .superRefine((intervals, context) => {
    intervals.forEach((interval, index) => {
      const clash = intervals.findIndex(
        (other, otherIndex) => otherIndex !== index && other.weekday === interval.weekday && other.start < interval.end && interval.start < other.end,
      );
      if (clash >= 0 && clash < index) {
        context.addIssue({ code: 'custom', message: `overlaps interval ${clash} on the same weekday`, path: [index, 'start'] });
      }
    });
  });

export const closureView = z.union([
  z.object({ id: z.uuid(), name: z.string(), startsOn: localDate, endsOn: localDate.describe('inclusive') }),
  z.object({ id: z.uuid(), name: z.string(), startsAt: localDateTime, endsAt: localDateTime.describe('exclusive') }),
]);

const calendarName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const timeZoneName = z.string().min(1).max(64).describe('IANA time zone, e.g. Europe/London');

/**
 * One flat object rather than a union of two shapes, so every problem names its field (a union
 * would only say "none of the shapes matched").
 */
export const closureBody = z
  .strictObject({
    name: calendarName,
    startsOn: localDate.optional().describe('first closed day; with endsOn, for whole days'),
    endsOn: localDate.optional().describe('last closed day, inclusive'),
    startsAt: localDateTime.optional().describe("local wall-clock start on the calendar's clock; with endsAt"),
    endsAt: localDateTime.optional().describe('local wall-clock end, exclusive'),
  })
  .superRefine((closure, context) => {
    const days = closure.startsOn !== undefined || closure.endsOn !== undefined;
    const range = closure.startsAt !== undefined || closure.endsAt !== undefined;
    if (days && range) {
      context.addIssue({ code: 'custom', message: 'give either startsOn/endsOn or startsAt/endsAt, not both', path: ['startsAt'] });
    } else if (days) {
      if (closure.startsOn === undefined) context.addIssue({ code: 'custom', message: 'is required with endsOn', path: ['startsOn'] });
      else if (closure.endsOn === undefined) context.addIssue({ code: 'custom', message: 'is required with startsOn', path: ['endsOn'] });
      else if (closure.endsOn < closure.startsOn) context.addIssue({ code: 'custom', message: 'must not be before startsOn', path: ['endsOn'] });
    } else if (range) {
      if (closure.startsAt === undefined) context.addIssue({ code: 'custom', message: 'is required with endsAt', path: ['startsAt'] });
      else if (closure.endsAt === undefined) context.addIssue({ code: 'custom', message: 'is required with startsAt', path: ['endsAt'] });
      else if (closure.endsAt <= closure.startsAt) context.addIssue({ code: 'custom', message: 'must be after startsAt', path: ['endsAt'] });
    } else {
      context.addIssue({ code: 'custom', message: 'give startsOn and endsOn, or startsAt and endsAt', path: ['startsOn'] });
    }
  });

/** The closure shape the service stores, from a body that passed `closureBody`. */
export function closureFromBody(body: z.infer<typeof closureBody>): ClosureInput {
  if (body.startsOn !== undefined && body.endsOn !== undefined) return { name: body.name, startsOn: body.startsOn, endsOn: body.endsOn };
  return { name: body.name, startsAt: body.startsAt ?? '', endsAt: body.endsAt ?? '' };
}

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
export const closureParams = z.strictObject({
  id: z.uuid({ message: 'must be a calendar id' }),
  closureId: z.uuid({ message: 'must be a closure id' }),
});

export const createCalendarBody = z
  .strictObject({
    name: calendarName,
    kind: calendarKind,
    teamId: z.uuid({ message: 'must be a team id' }).nullish().describe('required for a team calendar; absent for company holidays'),
    timeZone: timeZoneName,
    weekly: weeklyIntervals.default([]),
    closures: z.array(closureBody).max(500).optional(),
  })
  .superRefine((body, context) => {
    if (body.kind === 'team' && !body.teamId) context.addIssue({ code: 'custom', message: 'is required for a team calendar', path: ['teamId'] });
    if (body.kind === 'company-holidays' && body.teamId) {
      context.addIssue({ code: 'custom', message: 'must be absent for the company holiday calendar', path: ['teamId'] });
    }
  });

/** Which team (or the company) a calendar belongs to is fixed at creation: a lead cannot move it to another team. */
export const updateCalendarBody = z
  .strictObject({ name: calendarName.optional(), timeZone: timeZoneName.optional(), weekly: weeklyIntervals.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'say what to change: name, timeZone or weekly', path: ['name'] });

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

export const availabilityQuery = nextOpenQuery;

export const availabilityResult = z.object({
  team: z.object({ slug: z.string(), name: z.string() }),
  calendarId: z.uuid(),
  timeZone: z.string().describe("the team calendar's IANA zone"),
  at: z.iso.datetime().describe('the instant asked about (UTC)'),
  openNow: z.boolean().describe('open at `at`'),
  nextOpenAt: z.iso.datetime().describe('UTC; `at` itself when open then'),
  nextOpenLocal: z.string().describe("the same instant on the team's wall clock, with its offset"),
  closesAt: z.iso.datetime().optional().describe('when open at `at`: the instant it next closes (absent if not within a year)'),
});

export type CalendarView = z.infer<typeof calendarView>;
export type CalendarDetailView = z.infer<typeof calendarDetailView>;
export type ClosureView = z.infer<typeof closureView>;
export type ClosureInput =
  | { name: string; startsOn: string; endsOn: string }
  | { name: string; startsAt: string; endsAt: string };
export type UpdateCalendarInput = z.infer<typeof updateCalendarBody>;
export type CalendarKind = z.infer<typeof calendarKind>;
export type CreateCalendarInput = {
  /** Given by seeds and tests that need a known id; otherwise the database picks one. */
  id?: string;
  name: string;
  kind: CalendarKind;
  teamId?: string | null;
  timeZone: string;
  weekly: z.input<typeof weeklyIntervals>;
  closures?: ClosureInput[];
};
