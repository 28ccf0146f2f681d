import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import { rowsOf, type Database, type Queryable } from '../../platform/db/database.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { createAdministrator } from './demo-directory.ts';
import { DEMO_EMAIL_DOMAIN } from './demo-people.ts';
import { type DemoSummary, seedDemoOrganisation } from './demo-seed.ts';

/** Any number that several Hallway processes agree on, so one of them prepares an empty database. */
export const FIRST_START_LOCK_ID = 47_112_027;
export const GENERATED_ADMIN_EMAIL = 'admin@hallway.local';

/** The server passes its logger; the CLI passes one that stays quiet. */
export type StartLog = Pick<FastifyBaseLogger, 'info'>;

export interface FirstStartResult {
  /** The administrator created now, with the password only when Hallway made it up. */
  admin?: { email: string; generatedPassword?: string };
  /** The demo organisation seeded now, and the password its people share. */
  demo?: DemoSummary & { password: string };
}

/**
 * On the first start with an empty database: the first admin, and the demo organisation. Several
 * processes may start together on one server, so the check and the writes happen under one lock
 * and in one transaction: exactly one of them seeds, and a crash half-way leaves an empty database
 * that the next start seeds again. Later starts find people and do nothing, so no password is ever
 * shown twice.
 */
export async function prepareFirstStart(
  database: Database,
  config: Pick<Config, 'seedDemo' | 'firstAdmin'>,
  log: StartLog,
): Promise<FirstStartResult> {
  const result = await database.exclusively(FIRST_START_LOCK_ID, async () => {
    if (await hasPeople(database.db)) return {};
    // Hash before the transaction: argon2 takes a while and needs no database.
    const generatedPassword = config.firstAdmin ? undefined : newPassword();
    const admin = {
      email: config.firstAdmin?.email ?? GENERATED_ADMIN_EMAIL,
      passwordHash: await hashPassword(config.firstAdmin?.password ?? generatedPassword!),
    };
    const demoPassword = config.seedDemo ? newPassword() : undefined;
    const demoPasswordHash = demoPassword ? await hashPassword(demoPassword) : undefined;
    return database.db.transaction(async (tx): Promise<FirstStartResult> => {
      // Checked again inside the transaction: PGlite serialises transactions (exclusively() is a
      // no-op there), so two callers in one process cannot both find the database empty.
      if (await hasPeople(tx)) return {};
      await createAdministrator(tx, admin.email, admin.passwordHash);
      // Teams without people cannot come from Hallway itself, but a hand-made database could have
      // them; the demo's teams would collide, so it is left out rather than failing every start.
      const demo =
        demoPasswordHash && !(await hasTeams(tx)) ? await seedDemoOrganisation(tx, { passwordHash: demoPasswordHash }) : undefined;
      return {
        admin: { email: admin.email, ...(generatedPassword ? { generatedPassword } : {}) },
        ...(demo && demoPassword ? { demo: { ...demo, password: demoPassword } } : {}),
      };
    });
  });
  if (result.admin) {
    // The password goes to the console box only: logs are shipped and kept, a console scrolls away.
    log.info(
      { email: result.admin.email, generatedPassword: Boolean(result.admin.generatedPassword) },
      'empty database: created the first administrator',
    );
  }
  if (result.demo) log.info({ people: result.demo.people, requests: result.demo.requests, articles: result.demo.articles }, 'seeded the demo organisation');
  return result;
}

/** Why seed-demo refused to add the demo organisation. */
export type DemoRefusal = 'already-seeded' | 'directory-in-use';

/**
 * `hallway seed-demo`: on an empty database, exactly what a first start with HALLWAY_DEMO=1 does;
 * beside administrators only (someone started with HALLWAY_DEMO=0), adds the demo organisation.
 * It never mixes the fictional company into a real directory, and never seeds it twice.
 */
export async function seedDemoOnRequest(
  database: Database,
  config: Pick<Config, 'firstAdmin'>,
  log: StartLog,
): Promise<FirstStartResult | DemoRefusal> {
  const outcome = await database.exclusively(FIRST_START_LOCK_ID, async () => {
    const [counts] = await database.rows<{ people: number; others: number; teams: number }>(sql`
      select (select count(*)::int from people) as people,
             (select count(*)::int from people where not is_admin) as others,
             (select count(*)::int from teams) as teams`);
    if (counts!.teams > 0 || counts!.others > 0) {
      const seeded = await database.rows(sql`select 1 from people where email like ${`%@${DEMO_EMAIL_DOMAIN}`} limit 1`);
      return seeded.length > 0 ? ('already-seeded' as const) : ('directory-in-use' as const);
    }
    if (counts!.people === 0) return 'empty' as const;
    const password = newPassword();
    const passwordHash = await hashPassword(password);
    const demo = await database.db.transaction((tx) => seedDemoOrganisation(tx, { passwordHash }));
    return { demo: { ...demo, password } };
  });
  if (outcome === 'empty') return prepareFirstStart(database, { ...config, seedDemo: true }, log);
  if (typeof outcome !== 'string') log.info({ people: outcome.demo.people }, 'seeded the demo organisation');
  return outcome;
}

async function hasPeople(db: Queryable): Promise<boolean> {
  const result = await db.execute(sql`select 1 from people limit 1`);
  return rowsOf(result).length > 0;
}

async function hasTeams(db: Queryable): Promise<boolean> {
  const result = await db.execute(sql`select 1 from teams limit 1`);
  return rowsOf(result).length > 0;
}

/** 20 characters from an unambiguous alphabet: easy to type from a console, ~100 bits. */
function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const characters = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]);
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-');
}

/** The console box a first start prints once: how to sign in. Never logged. */
export function formatSignInBox(result: FirstStartResult, url?: string): string | undefined {
  if (!result.admin?.generatedPassword && !result.demo) return undefined;
  const lines = [`Hallway is ready${url ? ` at ${url}` : ''}. Sign in with:`, ''];
  if (result.admin?.generatedPassword) {
    lines.push(`  administrator   ${result.admin.email}`, `  password        ${result.admin.generatedPassword}`, '');
  }
  if (result.demo) {
    lines.push(
      `Demo organisation: ${result.demo.people} people, ${result.demo.requests} requests, ${result.demo.articles} articles.`,
      `Every demo person shares one password:  ${result.demo.password}`,
      ...result.demo.examples.map((example) => `  ${example.role.padEnd(16)}${example.email}`),
      '',
    );
  }
  lines.push('These passwords are shown only this once: note them now.');
  const width = Math.max(...lines.map((line) => line.length));
  const border = '─'.repeat(width + 2);
  return [`┌${border}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${border}┘`, ''].join('\n');
}
