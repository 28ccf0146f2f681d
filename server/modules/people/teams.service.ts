import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { inboundAddressesOfTeams } from '../channels/email/team-addresses.ts';
import { toTeamView } from './people.presenters.ts';
import type { CreateTeamInput, TeamDetailView, TeamView, UpdateTeamInput } from './people.schema.ts';
import * as store from './people.store.ts';

export async function listTeams(db: Queryable): Promise<TeamView[]> {
  const addresses = await inboundAddressesOfTeams(db);
  return (await store.selectTeams(db)).map((team) => toTeamView(team, addresses.get(team.id) ?? null));
}

export async function requireTeam(db: Queryable, slug: string): Promise<store.TeamRow> {
  const team = await store.selectTeamBySlug(db, slug);
  if (!team) throw new AppError('TEAM_NOT_FOUND');
  return team;
}

export async function getTeam(db: Queryable, slug: string): Promise<TeamDetailView> {
  const team = await requireTeam(db, slug);
  const members = await store.selectMembersOfTeam(db, team.id);
  const addresses = await inboundAddressesOfTeams(db);
  return {
    ...toTeamView(team, addresses.get(team.id) ?? null),
    members: members.map(({ role, ...person }) => ({ person, role })),
  };
}

export async function createTeam(tx: Queryable, input: CreateTeamInput): Promise<TeamDetailView> {
  const team = await writeOrExplain(() => store.insertTeam(tx, { ...input, email: input.email ?? null }));
  return getTeam(tx, team.slug);
}

export async function updateTeam(tx: Queryable, slug: string, input: UpdateTeamInput): Promise<TeamDetailView> {
  const team = await requireTeam(tx, slug);
  const updated = await writeOrExplain(() => store.updateTeamRow(tx, team.id, input));
  return getTeam(tx, updated.slug);
}

export async function setMembership(
  tx: Queryable,
  team: store.TeamRow,
  personId: string,
  role: store.MembershipRole,
) {
  const person = await store.selectPersonById(tx, personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  await store.upsertMembership(tx, team.id, person.id, role);
  return {
    team: { id: team.id, slug: team.slug, name: team.name },
    person: { id: person.id, name: person.name, email: person.email },
    role,
  };
}

export async function removeMembership(tx: Queryable, team: store.TeamRow, personId: string): Promise<void> {
  const person = await store.selectPersonById(tx, personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  await store.deleteMembership(tx, team.id, person.id);
}

/** Slugs and key prefixes are unique (prefixes for good); the database decides, and the error names the field. */
async function writeOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const index = store.violatedUniqueIndex(error);
    if (index === 'teams_slug_unique') throw fieldError('body.slug', 'another team has this slug', 'TEAM_SLUG_TAKEN');
    if (index === 'teams_key_prefix_unique') {
      throw fieldError('body.keyPrefix', 'another team has this key prefix', 'TEAM_SLUG_TAKEN');
    }
    // Raised by the trigger on teams: request keys under that prefix may still exist (migration 0001).
    if (index === 'request_key_prefixes_pkey') {
      throw fieldError('body.keyPrefix', 'another team has used this key prefix; its request keys keep it', 'TEAM_SLUG_TAKEN');
    }
    throw error;
  }
}
