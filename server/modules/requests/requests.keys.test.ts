import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { insertRequest } from './requests.store.ts';
import { fileRequest, readRequest } from './requests.test-support.ts';

// Request keys (IT-42): numbered from one sequence per team, unique for good, even across
// renames, handoffs and deleted teams (decision 0006).

let t: TestApp;
let employee: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  employee = await bearerFor(t.database, (await buildPerson(t.database)).id);
  admin = await bearerFor(t.database, (await buildPerson(t.database, { isAdmin: true })).id);
});
afterAll(() => t.close());

const numberOf = (key: string) => Number(key.split('-')[1]);
const file = (teamSlug: string, subject = 'Printer on fire') => fileRequest(t.app, employee, { team: teamSlug, subject });

async function sequenceExists(teamId: string): Promise<boolean> {
  const [row] = await t.database.rows<{ found: boolean }>(
    sql`select to_regclass(request_number_sequence(${teamId}::uuid)) is not null as found`,
  );
  return row!.found;
}

describe('numbering', () => {
  it('gives 50 concurrent creates of one team 50 distinct numbers, then keeps counting up', async () => {
    const team = await buildTeam(t.database);
    const views = await Promise.all(Array.from({ length: 50 }, (_, index) => file(team.slug, `Rush ${index}`)));
    expect(views.every((view) => view.key.startsWith(`${team.keyPrefix}-`))).toBe(true);
    // Nothing failed, so nothing was skipped: exactly 1..50, each once.
    expect(views.map((view) => numberOf(view.key)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await file(team.slug)).key).toBe(`${team.keyPrefix}-51`);
    expect((await file(team.slug)).key).toBe(`${team.keyPrefix}-52`);
  });

  it('numbers each team on its own', async () => {
    const [a, b] = [await buildTeam(t.database), await buildTeam(t.database)];
    await file(a.slug);
    await file(a.slug);
    expect((await file(b.slug)).key).toBe(`${b.keyPrefix}-1`);
    expect((await file(a.slug)).key).toBe(`${a.keyPrefix}-3`);
  });

  it('skips the number of a create that failed after numbering, and never reuses it', async () => {
    const team = await buildTeam(t.database);
    const person = await buildPerson(t.database);
    const values = {
      teamId: team.id,
      keyPrefix: team.keyPrefix,
      subject: 'Direct',
      description: '',
      priority: 'normal' as const,
      channel: 'api' as const,
      confidential: false,
      actorId: person.id,
      createdEventData: {},
    };
    expect((await insertRequest(t.database.db, { ...values, requesterId: person.id })).number).toBe(1);
    // A requester that does not exist fails the insert after nextval: the accepted gap.
    await expect(insertRequest(t.database.db, { ...values, requesterId: crypto.randomUUID() })).rejects.toThrow();
    expect((await insertRequest(t.database.db, { ...values, requesterId: person.id })).key).toBe(`${team.keyPrefix}-3`);
  });
});

describe('every team has its sequence', () => {
  it('for a team inserted directly, as the demo seeder, the CSV import and factories do', async () => {
    const team = await buildTeam(t.database);
    expect(await sequenceExists(team.id)).toBe(true);
  });

  it('for a team created through the admin API', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin,
      payload: { slug: 'legal', name: 'Legal', keyPrefix: 'LEGAL' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await sequenceExists(response.json().id)).toBe(true);
    expect((await file('legal')).key).toBe('LEGAL-1');
  });

  it('and drops it with the team', async () => {
    const team = await buildTeam(t.database);
    await t.database.rows(sql`delete from teams where id = ${team.id}`);
    expect(await sequenceExists(team.id)).toBe(false);
  });
});

describe('key prefixes', () => {
  const patchTeam = (slug: string, keyPrefix: string) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${slug}`, headers: admin, payload: { keyPrefix } });

  it('continue numbering from the same sequence after a rename; old keys keep working', async () => {
    const team = await buildTeam(t.database, { keyPrefix: 'OPS' });
    const old = await file(team.slug);
    await file(team.slug);
    expect((await patchTeam(team.slug, 'SRE')).statusCode).toBe(200);
    expect((await file(team.slug)).key).toBe('SRE-3');
    expect((await readRequest(t.app, employee, old.key)).key).toBe('OPS-1');
    // Going back to its own earlier prefix is fine: the numbers never restarted.
    expect((await patchTeam(team.slug, 'OPS')).statusCode).toBe(200);
    expect((await file(team.slug)).key).toBe('OPS-4');
  });

  it('are never taken over by another team, which would number from 1 into existing keys', async () => {
    const owner = await buildTeam(t.database, { keyPrefix: 'DESK' });
    await file(owner.slug);
    expect((await patchTeam(owner.slug, 'HELP')).statusCode).toBe(200);

    const other = await buildTeam(t.database);
    const before = await fingerprint(t.database);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin,
      payload: { slug: 'desk-two', name: 'Desk two', keyPrefix: 'DESK' },
    });
    expect(create.statusCode).toBe(409);
    expect(create.json()).toMatchObject({ code: 'TEAM_SLUG_TAKEN', errors: [{ field: 'body.keyPrefix' }] });
    const rename = await patchTeam(other.slug, 'DESK');
    expect(rename.json()).toMatchObject({ code: 'TEAM_SLUG_TAKEN', errors: [{ field: 'body.keyPrefix' }] });
    await expect(buildTeam(t.database, { keyPrefix: 'DESK' })).rejects.toThrow();
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('outlive a deleted team while a handed-off request carries them, and are freed otherwise', async () => {
    const gone = await buildTeam(t.database, { keyPrefix: 'TEMP' });
    const keeper = await buildTeam(t.database);
    const handedOff = await file(gone.slug);
    await t.database.rows(sql`update requests set team_id = ${keeper.id} where key = ${handedOff.key}`);
    await t.database.rows(sql`update teams set key_prefix = 'TEMPX' where id = ${gone.id}`);
    await t.database.rows(sql`delete from teams where id = ${gone.id}`);

    await expect(buildTeam(t.database, { keyPrefix: 'TEMP' })).rejects.toThrow();
    const successor = await buildTeam(t.database, { keyPrefix: 'TEMPX' });
    expect((await file(successor.slug)).key).toBe('TEMPX-1');
    expect((await readRequest(t.app, employee, 'TEMP-1')).team.slug).toBe(keeper.slug);
  });
});
