import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { issueApiToken } from '../platform/auth/api-tokens.ts';
import { findPersonByEmail } from '../modules/people/people.service.ts';
import { formatSignInBox, seedDemoOnRequest } from '../modules/demo/first-start.ts';
import { CliRefusal, EXIT, parseCommandArgs } from './cli-support.ts';

/** Opens the configured database (locking an embedded folder) and brings its schema up to date. */
async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.database, { maxConnections: 3 });
  try {
    await runMigrations(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function seedDemoCommand(config: Config, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'hallway seed-demo');
  if (positionals.length > 0) throw new CliRefusal('Usage: hallway seed-demo (it takes no arguments)');
  // The outcome is printed below; log lines would only repeat it.
  const log = { info: () => undefined };
  const outcome = await withDatabase(config, (database) => seedDemoOnRequest(database, config, log));
  if (outcome === 'already-seeded') {
    console.error('The demo organisation is already in this database; seeding it again would duplicate it.');
    return EXIT.refused;
  }
  if (outcome === 'directory-in-use') {
    console.error(
      'This database already has teams or people besides administrators. The demo organisation is only ever ' +
        'added to an empty directory, so a fictional company never mixes with real people. Use a fresh ' +
        'HALLWAY_DATA_DIR or database for the demo.',
    );
    return EXIT.refused;
  }
  if (!outcome.demo) {
    console.error('Another Hallway process prepared this database at the same moment; nothing was added.');
    return EXIT.refused;
  }
  process.stdout.write(formatSignInBox(outcome) ?? '');
  return EXIT.ok;
}

export async function tokenCommand(config: Config, args: string[]): Promise<number> {
  const usage = 'hallway token create --email <person e-mail> --name <label>';
  const { positionals, values } = parseCommandArgs(
    args,
    { email: { type: 'string' }, name: { type: 'string' } },
    usage,
  );
  if (positionals[0] !== 'create' || positionals.length > 1) throw new CliRefusal(`Usage: ${usage}`);
  const email = values.email?.trim();
  const name = values.name?.trim();
  if (!email || !name) throw new CliRefusal(`Both --email and --name are needed.\n\nUsage: ${usage}`);

  const issued = await withDatabase(config, async (database) => {
    const person = await findPersonByEmail(database.db, email);
    if (!person) return `No one in the directory has the e-mail address ${email}.`;
    if (!person.active) return `${person.name} (${person.email}) is deactivated; a token for them would not work.`;
    return { person, token: await issueApiToken(database.db, person.id, name) };
  });
  if (typeof issued === 'string') {
    console.error(issued);
    return EXIT.refused;
  }
  // The token alone on stdout, so `TOKEN=$(hallway token create ...)` works; the rest on stderr.
  console.error(
    `Created API token "${issued.token.name}" for ${issued.person.name} <${issued.person.email}>. ` +
      'It is shown only this once; send it as "Authorization: Bearer <token>".',
  );
  console.log(issued.token.token);
  return EXIT.ok;
}
