import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/database.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { startServer, stopOnSignals } from './main.ts';
import { backupCommand, restoreCommand } from './cli/backup-commands.ts';
import { CliRefusal, EXIT } from './cli/cli-support.ts';
import { seedDemoCommand, tokenCommand } from './cli/directory-commands.ts';
import { importPeopleCommand } from './cli/import-people-command.ts';

const usage = `Usage: hallway <command>

  serve                                   start the server (PORT, default 3000)
  migrate                                 apply pending database migrations and exit
  seed-demo                               add the demo organisation to an empty directory
  import-people <file.csv> [--skip-invalid]
                                          create or update people from a CSV file; without
                                          --skip-invalid one bad row stops the whole import
  token create --email <e-mail> --name <label>
                                          create a personal API token and print it once
  backup <file.tar.gz>                    copy the embedded database to a file (server stopped)
  restore <file.tar.gz> [--force]         load a backup into the embedded database folder;
                                          --force replaces a database there (kept aside)

Configuration comes from the environment: PORT, HALLWAY_DATA_DIR (embedded database folder,
default ./data) or DATABASE_URL (a PostgreSQL server), HALLWAY_DEMO, HALLWAY_ADMIN_EMAIL,
HALLWAY_ADMIN_PASSWORD, HALLWAY_TIMER_POLL_MS, LOG_LEVEL; see the README for all of them.

Exit status: 0 done, 1 failed, 2 refused or wrongly called (nothing was changed).`;

type Command = (config: Config, args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  serve: async (config) => {
    const server = await startServer(config);
    stopOnSignals(server);
    return -1; // keeps running
  },
  migrate: async (config) => {
    const database = await openDatabase(config.database);
    try {
      await runMigrations(database);
      console.log('Migrations are up to date.');
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
  'seed-demo': seedDemoCommand,
  'import-people': importPeopleCommand,
  token: tokenCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? EXIT.ok : EXIT.refused;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return EXIT.refused;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usage);
    return EXIT.ok;
  }
  return command(loadConfig(), rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof CliRefusal) {
      console.error(error.message);
      process.exit(EXIT.refused);
    }
    console.error(error);
    process.exit(EXIT.failed);
  },
);
