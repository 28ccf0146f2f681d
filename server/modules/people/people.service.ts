import { deleteSessionsOfPerson } from '../../platform/auth/credentials.store.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { sharedCache, type CacheOptions } from '../../platform/cache/signalled-cache.ts';
import { changeSignalsOf, type Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { pageFrom, type Page } from '../../platform/http/pagination.ts';
import { revokeAllTokensOf } from '../auth/auth.service.ts';
import { toPersonDetailView, toPersonView } from './people.presenters.ts';
import type {
  CreatePersonInput,
  DirectoryQuery,
  PersonDetailView,
  PersonView,
  UpdatePersonInput,
} from './people.schema.ts';
import * as store from './people.store.ts';

// What other modules may ask of the directory. They never read the people tables themselves.
export type { PersonRow, TeamRow } from './people.store.ts';

export const findTeamBySlug = (db: Queryable, slug: string) => store.selectTeamBySlug(db, slug);
export const findTeamById = (db: Queryable, id: string) => store.selectTeamById(db, id);
export const findPersonById = (db: Queryable, id: string) => store.selectPersonById(db, id);
export const findPersonByEmail = (db: Queryable, email: string) => store.selectPersonByEmail(db, email);
/** Active people whose phone's digits end with `digits`: SMS sender candidates, compared whole by the caller. */
export const findActivePeopleByPhoneEnding = (db: Queryable, digits: string) => store.selectActivePeopleByPhoneEnding(db, digits);
export const membershipsOfPerson = (db: Queryable, personId: string) => store.selectMembershipsOfPerson(db, personId);
/** The person's own answer to "how would you like to be thanked?" (PATCH /me). */
export const setRecognitionOf = (db: Queryable, personId: string, recognition: 'public' | 'private') =>
  store.updatePersonRow(db, personId, { recognition });

/** Teams change rarely and every change is announced (decision 0005); the TTL is a backstop. */
const TEAM_CACHE: CacheOptions = { ttlMs: 5 * 60_000, maxEntries: 10_000 };

/**
 * findTeamBySlug from memory, for hot read paths such as filing a request. Within a transaction it
 * reads the table, so a write sees its own changes; writes and admin screens use findTeamBySlug.
 */
export async function findTeamBySlugCached(db: Queryable, slug: string): Promise<store.TeamRow | undefined> {
  const signals = changeSignalsOf(db);
  if (!signals) return store.selectTeamBySlug(db, slug);
  const cache = sharedCache<store.TeamRow>(signals, 'teams by slug', 'teams', TEAM_CACHE);
  // Frozen: every request that files into the team shares this one object.
  return cache.get(slug, async () => {
    const team = await store.selectTeamBySlug(db, slug);
    return team && Object.freeze(team);
  });
}

/**
 * The team a caller named by slug, or a 404 that says which field named it (`body.team`,
 * `query.team`, `params.slug`). `cached` for hot read paths; writes read the table.
 */
export async function requireTeamBySlug(
  db: Queryable,
  slug: string,
  field: string,
  { cached = false }: { cached?: boolean } = {},
): Promise<store.TeamRow> {
  const team = cached ? await findTeamBySlugCached(db, slug) : await store.selectTeamBySlug(db, slug);
  if (!team) throw new AppError('TEAM_NOT_FOUND', undefined, [{ field, reason: 'no team has this slug' }]);
  return team;
}

export async function listDirectory(db: Queryable, query: DirectoryQuery): Promise<Page<PersonView>> {
  let teamId: string | undefined;
  if (query.team) {
    teamId = (await requireTeamBySlug(db, query.team, 'query.team')).id;
  }
  const rows = await store.selectPeoplePage(db, {
    text: query.q || undefined,
    teamId,
    includeInactive: query.includeInactive,
    after: query.cursor ? { sortName: query.cursor[0], id: query.cursor[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = pageFrom(rows, query.limit, (row) => [row.sortName, row.id]);
  return { items: page.items.map(toPersonView), nextCursor: page.nextCursor };
}

export async function getPerson(db: Queryable, id: string): Promise<PersonDetailView> {
  const row = await store.selectPersonListingById(db, id);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  return toPersonDetailView(row, await store.selectMembershipsOfPerson(db, id));
}

export async function createPerson(tx: Queryable, input: CreatePersonInput): Promise<PersonDetailView> {
  const references = await resolveReferences(tx, input);
  if (await store.selectPersonByEmail(tx, input.email)) throw emailTaken();
  const { homeTeam: _team, manager: _manager, password, ...columns } = input;
  const passwordHash = password === undefined ? null : await hashPassword(password);
  const id = await insertOrExplain(() => store.insertPerson(tx, { ...columns, ...references, passwordHash }));
  return getPerson(tx, id);
}

export async function updatePerson(tx: Queryable, id: string, input: UpdatePersonInput): Promise<PersonDetailView> {
  // Taken before anything is read, so the last-admin count below sees every committed demotion.
  if (input.isAdmin === false || input.active === false) await store.lockAdminChanges(tx);
  const current = await store.selectPersonById(tx, id);
  if (!current) throw new AppError('PERSON_NOT_FOUND');
  const references = await resolveReferences(tx, input);
  if (references.managerId && (await store.isInManagementChain(tx, references.managerId, id))) {
    throw fieldError('body.manager', 'would make a management loop (this person manages them, directly or not)');
  }
  if (input.email !== undefined && input.email !== current.email && (await store.selectPersonByEmail(tx, input.email))) {
    throw emailTaken();
  }
  const losesAdmin = current.isAdmin && current.active && (input.isAdmin === false || input.active === false);
  if (losesAdmin && (await store.countActiveAdminsOtherThan(tx, id)) === 0) {
    const field = input.isAdmin === false ? 'body.isAdmin' : 'body.active';
    throw new AppError('LAST_ADMIN', 'Make someone else an admin first', [{ field, reason: 'this is the last active admin' }]);
  }
  const { homeTeam: _team, manager: _manager, password, ...columns } = input;
  const changes = { ...columns, ...references, ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }) };
  await insertOrExplain(() => store.updatePersonRow(tx, id, changes));
  // A new password or a deactivation ends the person's open sessions everywhere. An admin resets a
  // password mostly because the account may be compromised, so its API tokens are revoked too.
  if (password !== undefined || input.active === false) await deleteSessionsOfPerson(tx, id);
  if (password !== undefined) await revokeAllTokensOf(tx, id);
  return getPerson(tx, id);
}

/** Turns homeTeam (slug) and manager (id) into columns, or names the field that points nowhere. */
async function resolveReferences(
  db: Queryable,
  input: { homeTeam?: string | null; manager?: string | null },
): Promise<{ homeTeamId?: string | null; managerId?: string | null }> {
  const resolved: { homeTeamId?: string | null; managerId?: string | null } = {};
  if (input.homeTeam !== undefined) {
    const team = input.homeTeam === null ? null : await store.selectTeamBySlug(db, input.homeTeam);
    if (team === undefined) throw fieldError('body.homeTeam', 'no team has this slug');
    resolved.homeTeamId = team?.id ?? null;
  }
  if (input.manager !== undefined) {
    const manager = input.manager === null ? null : await store.selectPersonById(db, input.manager);
    if (manager === undefined) throw fieldError('body.manager', 'no person has this id');
    resolved.managerId = manager?.id ?? null;
  }
  return resolved;
}

const emailTaken = () => fieldError('body.email', 'someone already has this e-mail address', 'EMAIL_TAKEN');

/** Two admins adding the same e-mail at once: the unique index decides, and we say so plainly. */
async function insertOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (store.violatedUniqueIndex(error) === 'people_email_unique') throw emailTaken();
    throw error;
  }
}
