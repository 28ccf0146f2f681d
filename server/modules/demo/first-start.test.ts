import { sql } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/database.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { formatSignInBox, GENERATED_ADMIN_EMAIL, prepareFirstStart, seedDemoOnRequest } from './first-start.ts';

const quiet = { info: () => undefined };

/** The server's own kind of logger (Fastify's pino), writing its JSON lines into an array. */
function capturingLog(): { log: FastifyBaseLogger; lines: string[]; close(): Promise<void> } {
  const lines: string[] = [];
  const logging = Fastify({ logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
  return { log: logging.log, lines, close: () => logging.close() };
}
let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function passwordHashOf(db: Database, email: string): Promise<string> {
  const [row] = await db.rows<{ password_hash: string }>(sql`select password_hash from people where email = ${email}`);
  return row!.password_hash;
}

describe('prepareFirstStart', () => {
  it('without HALLWAY_ADMIN_*: creates admin@hallway.local with a random password, shown in the box only once', async () => {
    database = await createTestDatabase();
    const logging = capturingLog();
    const first = await prepareFirstStart(database, { seedDemo: false }, logging.log);
    await logging.close();
    const password = first.admin?.generatedPassword;
    expect(first.admin?.email).toBe(GENERATED_ADMIN_EMAIL);
    expect(password).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}-[\w]{5}$/);
    expect(await verifyPassword(await passwordHashOf(database, GENERATED_ADMIN_EMAIL), password!)).toBe(true);
    expect(formatSignInBox(first)).toContain(password);
    // The start is logged, the password is not: logs are shipped and kept.
    expect(logging.lines.map((line) => JSON.parse(line).msg)).toContain('empty database: created the first administrator');
    expect(logging.lines.join('\n')).not.toContain(password);
    const [admin] = await database.rows<{ is_admin: boolean }>(sql`select is_admin from people`);
    expect(admin).toEqual({ is_admin: true });

    // The next start finds people: nothing is created, nothing is shown.
    const second = await prepareFirstStart(database, { seedDemo: false }, quiet);
    expect(second).toEqual({});
    expect(formatSignInBox(second)).toBeUndefined();
  });

  it('with HALLWAY_ADMIN_*: creates that admin with its argon2id hash and prints no password of theirs', async () => {
    database = await createTestDatabase();
    const logging = capturingLog();
    const result = await prepareFirstStart(
      database,
      { seedDemo: false, firstAdmin: { email: 'boss@example.com', password: 'a long enough password' } },
      logging.log,
    );
    await logging.close();
    expect(logging.lines).toHaveLength(1);
    expect(logging.lines[0]).not.toContain('a long enough password');
    expect(result).toEqual({ admin: { email: 'boss@example.com' } });
    const hash = await passwordHashOf(database, 'boss@example.com');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
    expect(formatSignInBox(result)).toBeUndefined();
  });

  it('with the demo: logs the seeding but neither the admin nor the demo password', async () => {
    database = await createTestDatabase();
    const logging = capturingLog();
    const result = await prepareFirstStart(database, { seedDemo: true }, logging.log);
    await logging.close();
    const passwords = [result.admin?.generatedPassword, result.demo?.password];
    expect(passwords.every((password) => typeof password === 'string' && password.length > 0)).toBe(true);
    expect(logging.lines.map((line) => JSON.parse(line).msg)).toEqual([
      'empty database: created the first administrator',
      'seeded the demo organisation',
    ]);
    for (const password of passwords) expect(logging.lines.join('\n')).not.toContain(password);
  });

  it('does nothing to a database that already has people, whatever the settings', async () => {
    database = await createTestDatabase();
    await buildPerson(database, { email: 'someone@example.com' });
    expect(await prepareFirstStart(database, { seedDemo: true }, quiet)).toEqual({});
    const [row] = await database.rows<{ count: number }>(sql`select count(*)::int as count from people`);
    expect(row!.count).toBe(1);
  });

  it('two starts at once on one database: exactly one prepares it', async () => {
    database = await createTestDatabase();
    const results = await Promise.all([
      prepareFirstStart(database, { seedDemo: false }, quiet),
      prepareFirstStart(database, { seedDemo: false }, quiet),
    ]);
    expect(results.filter((result) => result.admin)).toHaveLength(1);
    const [row] = await database.rows<{ count: number }>(sql`select count(*)::int as count from people`);
    expect(row!.count).toBe(1);
  });
});

describe('seedDemoOnRequest (hallway seed-demo)', () => {
  it('adds the demo organisation beside administrators, then refuses to add it again', async () => {
    database = await createTestDatabase();
    await prepareFirstStart(database, { seedDemo: false }, quiet);
    const seeded = await seedDemoOnRequest(database, {}, quiet);
    expect(typeof seeded === 'object' && seeded.demo?.people).toBe(60);
    expect(typeof seeded === 'object' && seeded.admin).toBeUndefined(); // the admin already existed
    expect(await seedDemoOnRequest(database, {}, quiet)).toBe('already-seeded');
    const [row] = await database.rows<{ count: number }>(sql`select count(*)::int as count from people`);
    expect(row!.count).toBe(61);
  });

  it('refuses a directory that real teams or people are in', async () => {
    database = await createTestDatabase();
    await buildTeam(database, { slug: 'it', keyPrefix: 'IT' });
    expect(await seedDemoOnRequest(database, {}, quiet)).toBe('directory-in-use');
    const [row] = await database.rows<{ count: number }>(sql`select count(*)::int as count from people`);
    expect(row!.count).toBe(0);
  });
});
