import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/database.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { startServer, stopOnSignals } from './main.ts';

const usage = `Usage: hallway <command>

  serve                                   start the server (PORT, default 3000)
  migrate                                 apply pending database migrations and exit

Configuration comes from the environment: PORT, HALLWAY_DATA_DIR (embedded database folder,
default ./data) or DATABASE_URL (a PostgreSQL server), HALLWAY_DEMO, HALLWAY_ADMIN_EMAIL,
HALLWAY_ADMIN_PASSWORD, LOG_LEVEL.`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  serve: async () => {
    const server = await startServer(loadConfig());
    stopOnSignals(server);
    return -1; // keeps running
  },
  migrate: async () => {
    const database = await openDatabase(loadConfig().database);
    try {
      await runMigrations(database);
      console.log('Migrations are up to date.');
      return 0;
    } finally {
      await database.close();
    }
  },
};

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [name, ...rest] = positionals;
  if (!name || name === 'help' || argv.includes('--help')) {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  return command(rest.length ? argv.slice(1) : []);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
