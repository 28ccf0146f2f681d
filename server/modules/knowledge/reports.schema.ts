import { z } from 'zod';

// The knowledge reports' query and answers (GET /reports/deflection, GET /reports/content-gaps).

/** The longest period a report covers: two years of days, so a typo in a year cannot scan everything. */
export const MAX_REPORT_DAYS = 731;
const DAY_MS = 24 * 60 * 60 * 1000;
const day = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const reportQuery = z
  .strictObject({
    team: z.uuid({ message: 'must be a team id' }).optional().describe('A team id; without it, every team (admins only)'),
    from: day.optional().describe('First day of the period (UTC), inclusive; default 29 days before `to`'),
    to: day.optional().describe('Last day of the period (UTC), inclusive; default today'),
  })
  .superRefine((query, context) => {
    if (query.from === undefined || query.to === undefined) return;
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS;
    if (days < 0) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days >= MAX_REPORT_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: `must be less than ${MAX_REPORT_DAYS} days after from` });
  });
export type ReportQuery = z.infer<typeof reportQuery>;

export interface ReportPeriod {
  from: string;
  to: string;
  /** from at 00:00 UTC, inclusive. */
  since: Date;
  /** the day after `to` at 00:00 UTC, exclusive. */
  until: Date;
}

/** The period a query names, with the defaults filled in (the last 30 days up to today, UTC). */
export function periodOf(query: Pick<ReportQuery, 'from' | 'to'>, now = new Date()): ReportPeriod {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
  return { from, to, since: new Date(`${from}T00:00:00Z`), until: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) };
}

const counts = {
  solved: z.number().int().describe('"This solved it" at intake'),
  submittedAfterReading: z.number().int().describe('Filed anyway after opening an article'),
  filed: z.number().int().describe('Requests filed through the service(s) by people (not spawned by a workflow)'),
  rate: z.number().nullable().describe('solved / (solved + filed); null when both are 0'),
};

export const deflectionReport = z.object({
  from: z.string(),
  to: z.string(),
  teams: z.array(z.object({ teamId: z.string(), teamName: z.string(), ...counts })),
  services: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), teamId: z.string(), ...counts })),
});
export type DeflectionReport = z.infer<typeof deflectionReport>;

export const contentGapsReport = z.object({
  from: z.string(),
  to: z.string(),
  groups: z.array(
    z.object({
      wording: z.string().describe('The most frequent wording of the group'),
      searches: z.number().int(),
      noResults: z.number().int(),
      requestedAnyway: z.number().int(),
      lastSearchedAt: z.string(),
      examples: z.array(z.object({ query: z.string(), count: z.number().int() })),
    }),
  ),
});
export type ContentGapsReport = z.infer<typeof contentGapsReport>;
