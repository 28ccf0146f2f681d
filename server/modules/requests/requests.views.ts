import type { Queryable } from '../../platform/db/database.ts';
import { findPersonById, findTeamById } from '../people/people.service.ts';
import type { RequestView, TimelineEntry } from './requests.schema.ts';
import type { RequestEventRow, RequestRow } from './requests.store.ts';

interface PersonRef {
  id: string;
  name: string;
}
interface TeamRef {
  id: string;
  slug: string;
  name: string;
}

/**
 * Names of people and teams for one response, each looked up once through the people module
 * (a page of 25 requests mostly shares a handful of teams and people). Seed it with what the
 * caller already knows (the actor, the team just resolved) to skip those lookups.
 */
export class NameBook {
  private readonly people = new Map<string, Promise<PersonRef>>();
  private readonly teams = new Map<string, Promise<TeamRef>>();

  constructor(private readonly db: Queryable) {}

  knowPerson(person: PersonRef): this {
    this.people.set(person.id, Promise.resolve({ id: person.id, name: person.name }));
    return this;
  }

  knowTeam(team: TeamRef): this {
    this.teams.set(team.id, Promise.resolve({ id: team.id, slug: team.slug, name: team.name }));
    return this;
  }

  person(id: string): Promise<PersonRef> {
    let found = this.people.get(id);
    if (!found) {
      found = findPersonById(this.db, id).then((person) => ({ id, name: person?.name ?? 'Unknown person' }));
      this.people.set(id, found);
    }
    return found;
  }

  team(id: string): Promise<TeamRef> {
    let found = this.teams.get(id);
    if (!found) {
      found = findTeamById(this.db, id).then((team) => ({ id, slug: team?.slug ?? 'unknown', name: team?.name ?? 'Unknown team' }));
      this.teams.set(id, found);
    }
    return found;
  }
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

export async function toRequestView(row: RequestRow, names: NameBook): Promise<RequestView> {
  const [team, requester, assignee] = await Promise.all([
    names.team(row.teamId),
    names.person(row.requesterId),
    row.assigneeId === null ? null : names.person(row.assigneeId),
  ]);
  return {
    key: row.key,
    team: { slug: team.slug, name: team.name },
    subject: row.subject,
    description: row.description,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    confidential: row.confidential,
    requester,
    assignee,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    firstRespondedAt: iso(row.firstRespondedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    dueAt: iso(row.dueAt),
    warnAt: iso(row.warnAt),
  };
}

export async function toTimelineEntry(event: RequestEventRow, names: NameBook): Promise<TimelineEntry> {
  return {
    id: Number(event.id),
    actor: event.actorId === null ? null : await names.person(event.actorId),
    kind: event.kind,
    visibility: event.visibility,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  };
}
