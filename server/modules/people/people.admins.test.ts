import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKind } from '../../../test/support/test-database-kind.ts';
import { AppError } from '../../platform/http/errors.ts';
import { updatePerson } from './people.service.ts';

// Two admins taking each other's rights away at the same moment must not leave the house without one.
// Its own database: the count of admins is over the whole directory.

let t: TestApp;
let first: { id: string; headers: Record<string, string> };
let second: { id: string; headers: Record<string, string> };
beforeAll(async () => {
  t = await createTestApp();
  const a = await buildPerson(t.database, { isAdmin: true });
  const b = await buildPerson(t.database, { isAdmin: true });
  first = { id: a.id, headers: await bearerFor(t.database, a.id) };
  second = { id: b.id, headers: await bearerFor(t.database, b.id) };
});
beforeEach(async () => {
  await t.database.rows(sql`update people set is_admin = true, active = true where id in (${first.id}, ${second.id})`);
});
afterAll(() => t.close());

const demote = (by: typeof first, whom: typeof first, change: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/people/${whom.id}`, headers: by.headers, payload: change });

const activeAdmins = async () => {
  const [row] = await t.database.rows<{ count: number }>(sql`select count(*)::int as count from people where is_admin and active`);
  return row!.count;
};

describe('the last admin, under concurrency', () => {
  it.each([
    ['take the admin flag from', { isAdmin: false }],
    ['deactivate', { active: false }],
  ])('two admins who %s each other at once: exactly one succeeds', async (_name, change) => {
    const responses = await Promise.all([demote(first, second, change), demote(second, first, change)]);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The loser is refused either by the last-admin check (it got the lock second) or, when the
    // winner's change reached it before it was even authorised, because it is no longer an admin.
    const refused = responses.find((response) => response.statusCode !== 200)!;
    expect([
      [409, 'LAST_ADMIN'],
      [403, 'FORBIDDEN'],
    ]).toContainEqual([refused.statusCode, refused.json().code]);
    expect(await activeAdmins()).toBe(1);
  });

  // Deterministic on a server: one demotion holds its transaction open while the other arrives.
  it.runIf(testDatabaseKind() === 'postgres')('makes the second demotion wait for the first, then refuses it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let demoted!: () => void;
    const firstDemoted = new Promise<void>((resolve) => (demoted = resolve));
    const held = t.database.db.transaction(async (tx) => {
      await updatePerson(tx, second.id, { isAdmin: false });
      demoted();
      await gate;
    });
    await firstDemoted;
    const racing = demote(second, first, { isAdmin: false });
    // Either the second PATCH answers while the first is still open (the bug), or it waits on the lock.
    let answered = false;
    const outcome = await Promise.race([
      racing.then(() => {
        answered = true;
        return 'answered' as const;
      }),
      (async () => {
        while (!answered) {
          const [row] = await t.database.rows<{ waiting: number }>(
            sql`select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted`,
          );
          if (row!.waiting > 0) return 'waiting' as const;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return 'answered' as const;
      })(),
    ]);
    release();
    await held;
    expect(outcome).toBe('waiting');
    const response = await racing;
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('LAST_ADMIN');
    expect(await activeAdmins()).toBe(1);
  });

  it('still lets an admin step down while another admin remains', async () => {
    await expect(t.database.db.transaction((tx) => updatePerson(tx, first.id, { isAdmin: false }))).resolves.toMatchObject({ isAdmin: false });
    await expect(t.database.db.transaction((tx) => updatePerson(tx, second.id, { isAdmin: false }))).rejects.toBeInstanceOf(AppError);
    expect(await activeAdmins()).toBe(1);
  });
});
