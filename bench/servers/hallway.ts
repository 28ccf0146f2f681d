// Hallway itself, started the way `hallway serve` starts it, with one team, one employee and their
// API token prepared beforehand so the runner can create requests.
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { people, teams } from '../../server/modules/people/people.tables.ts';
import { issueApiToken } from '../../server/platform/auth/api-tokens.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { announceReady } from './ready.ts';

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', HALLWAY_DEMO: '0' });

const setup = await openDatabase(config.database);
await runMigrations(setup);
const [team] = await setup.db
  .insert(teams)
  .values({ slug: 'it', name: 'IT', keyPrefix: 'IT' })
  .onConflictDoUpdate({ target: teams.slug, set: { name: 'IT' } })
  .returning();
const [person] = await setup.db
  .insert(people)
  .values({ email: 'bench@example.test', name: 'Bench Employee' })
  .onConflictDoUpdate({ target: people.email, set: { name: 'Bench Employee' } })
  .returning();
const { token } = await issueApiToken(setup.db, person!.id, 'bench');
await setup.close();

const server = await startServer(config);
announceReady({ url: server.url, token, team: team!.slug });
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
