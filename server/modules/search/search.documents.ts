import { DateTime } from 'luxon';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/database.ts';
// Two modules are read through their stores, not their services, on purpose (decision 0017): the
// calendars service has no closures-only read (getCalendar also works out when a calendar next
// opens, which for a holiday calendar with no hours means searching far ahead: most of a search's
// time), and the catalog's listServices builds every service's full view and form. The rows are
// the same ones those services read, with the same audience rule (catalog.store selectServices).
import { selectClosures, selectCompanyHolidayCalendars } from '../calendars/calendars.store.ts';
import { selectServices } from '../catalog/catalog.store.ts';
import { findPersonById } from '../people/people.service.ts';
import { listTeams } from '../people/teams.service.ts';
import type { HitType, SearchHit } from './search.schema.ts';
import type { SmallDocument } from './search.store.ts';

// The searchable things that are not articles, read through their own modules' services: the
// services the person may request (as GET /services lists them), the teams, and the company
// holidays ahead. Each becomes a small document to rank, and knows the hit it turns into.

type HitFacts = Omit<SearchHit, 'snippet'>;

export interface Gathered {
  documents: SmallDocument[];
  hits: Map<string, HitFacts>;
}

/** Holidays more than a year ahead are not what anyone means by "is the office closed". */
const HOLIDAY_HORIZON_DAYS = 366;
/**
 * A question about closures is answered by the holidays page before articles that merely share
 * its words ("office", "Monday"): the holidays' weight for such a query (decision 0017).
 */
const CLOSURE_QUESTION_BOOST = 1.5;

export interface GatherOptions {
  teamId?: string;
  asksAboutClosures: boolean;
  now: Date;
}

export async function gatherSmallDocuments(db: Queryable, actor: Actor, types: HitType[], options: GatherOptions): Promise<Gathered> {
  const { teamId, now } = options;
  const gathered: Gathered = { documents: [], hits: new Map() };
  const add = (type: HitType, id: string, document: Omit<SmallDocument, 'key'>, hit: Omit<HitFacts, 'type' | 'id' | 'title'>) => {
    const key = `${type}:${id}`;
    gathered.documents.push({ key, ...document });
    gathered.hits.set(key, { type, id, title: document.title, ...hit });
  };
  const wants = (type: HitType) => types.includes(type);
  const teams = wants('service') || wants('team') ? await listTeams(db) : [];
  const teamById = new Map(teams.map((team) => [team.id, team]));

  if (wants('service')) {
    // As GET /services without `include`: the active services open to the person's home team.
    const person = await findPersonById(db, actor.personId);
    for (const service of await selectServices(db, { homeTeamId: person?.homeTeamId ?? null, teamId })) {
      const team = teamById.get(service.teamId);
      add(
        'service',
        service.id,
        { title: service.name, keywords: team?.name ?? '', body: service.description, boost: 1 },
        { link: `/services/${service.slug}`, teamId: service.teamId, teamName: team?.name ?? null, updatedAt: service.updatedAt.toISOString() },
      );
    }
  }
  if (wants('team')) {
    for (const team of teams) {
      if (teamId && team.id !== teamId) continue;
      add(
        'team',
        team.id,
        { title: team.name, keywords: 'team', body: team.description, boost: 1 },
        { link: `/teams/${team.slug}`, teamId: team.id, teamName: team.name, updatedAt: team.updatedAt },
      );
    }
  }
  if (wants('holiday')) {
    const weight = options.asksAboutClosures ? CLOSURE_QUESTION_BOOST : 1;
    for (const holiday of await upcomingHolidays(db, now)) {
      add('holiday', holiday.id, { ...holiday.document, boost: holiday.document.boost * weight }, { link: '/holidays', teamId: null, teamName: null, updatedAt: null });
    }
  }
  return gathered;
}

interface HolidayDocument {
  id: string;
  document: Omit<SmallDocument, 'key'>;
}

/**
 * The company holidays from today for a year. Each reads as a sentence with its weekday, so "is the
 * office closed on Monday" meets "Easter Monday: Monday 6 April 2026, the offices are closed".
 */
async function upcomingHolidays(db: Queryable, now: Date): Promise<HolidayDocument[]> {
  const today = DateTime.fromJSDate(now, { zone: 'Europe/London' }).startOf('day');
  const calendars = await selectCompanyHolidayCalendars(db);
  const zoneOf = new Map(calendars.map((calendar) => [calendar.id, calendar.timeZone]));
  const found: HolidayDocument[] = [];
  for (const closure of await selectClosures(db, [...zoneOf.keys()])) {
    const zone = zoneOf.get(closure.calendarId)!;
    // Whole days, or a wall-clock range ("YYYY-MM-DD HH:MM:SS" on the calendar's clock).
    const first = closure.startsOn ?? (closure.startsAt ?? '').slice(0, 10);
    const last = closure.endsOn ?? (closure.endsAt ?? '').slice(0, 10);
    const start = DateTime.fromISO(first, { zone });
    const end = DateTime.fromISO(last, { zone });
    const daysAhead = start.diff(today, 'days').days;
    if (end < today || daysAhead > HOLIDAY_HORIZON_DAYS) continue;
    const when = first === last ? start.toFormat('cccc d LLLL yyyy') : `${start.toFormat('cccc d LLLL')} to ${end.toFormat('cccc d LLLL yyyy')}`;
    const partDay = closure.startsAt && closure.endsAt ? ` from ${closure.startsAt.slice(11, 16)} to ${closure.endsAt.slice(11, 16)}` : '';
    found.push({
      id: closure.id,
      document: {
        title: closure.name,
        keywords: 'company holiday bank holiday public holiday',
        body: `${when}${partDay}: the offices are closed and the teams do not work.`,
        // The sooner, the likelier meant: up to +10%, as freshness does for articles.
        boost: 1 + 0.1 * Math.exp(-Math.max(daysAhead, 0) / 30),
      },
    });
  }
  return found;
}
