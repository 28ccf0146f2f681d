// Hallway itself, started the way `hallway serve` starts it, with one team, one employee and their
// API token prepared beforehand so the runner can create requests.
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { people, teams } from '../../server/modules/people/people.tables.ts';
import { issueApiToken } from '../../server/platform/auth/api-tokens.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { announceReady } from './ready.ts';
import { createCalendar } from '../../server/modules/calendars/calendars.service.ts';
import { createService, findService } from '../../server/modules/catalog/catalog.service.ts';
import { createSlaPolicy } from '../../server/modules/sla/sla.service.ts';

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
// A service as the catalog offers it: a form, a procedure and an SLA policy on the team's calendar,
// so filing through it does what a real one does (answers checked, steps copied, clocks and timers).
if (!(await findService(setup.db, 'laptop'))) {
  await setup.db.transaction(async (tx) => {
    const weekly = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    await createCalendar(tx, { name: 'IT hours', kind: 'team', teamId: team!.id, timeZone: 'Europe/London', weekly });
    const policy = await createSlaPolicy(tx, { teamId: team!.id, name: 'IT', targets: { normal: { firstResponse: 240, resolution: 1800 } } });
    await createService(tx, 'system', {
      slug: 'laptop',
      team: 'it',
      name: 'Laptop repair',
      form: {
        fields: [
          { name: 'device', type: 'choice', label: 'Device', required: true, options: [{ value: 'laptop', label: 'Laptop' }, { value: 'desktop', label: 'Desktop' }] },
          { name: 'symptoms', type: 'long_text', label: 'What happens?', required: true },
        ],
      },
      procedure: [{ title: 'Check the asset tag' }, { title: 'Run diagnostics' }, { title: 'Confirm with the requester' }],
      slaPolicyId: policy.id,
    });
  });
}
await setup.close();

const server = await startServer(config);
announceReady({ url: server.url, token, team: team!.slug, service: 'laptop' });
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
