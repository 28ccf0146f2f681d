import { DateTime } from 'luxon';
import type { Database } from '../../platform/db/database.ts';
import { createCalendar } from '../calendars/calendars.service.ts';
import { createService } from '../catalog/catalog.service.ts';
import { demoServices } from '../demo/demo-catalog-data.ts';
import { englandAndWalesBankHolidays } from '../demo/demo-calendars.ts';
import { demoTeams } from '../demo/demo-people.ts';
import { createTeam } from '../people/teams.service.ts';
import { insertDemoArticles } from './search.test-support.ts';

// The corpus the search quality test and the bench search: the demo organisation's teams, its
// knowledge base, the services open to everyone and two years of bank holidays, written through
// the owning modules' services (articles straight into their table until that module lands).

export interface SearchCorpus {
  teamIds: Map<string, string>;
  articleIds: Map<string, string>;
}

export async function seedSearchCorpus(database: Database, ownerId: string, now = new Date()): Promise<SearchCorpus> {
  const teamIds = new Map<string, string>();
  await database.db.transaction(async (tx) => {
    for (const team of demoTeams) {
      const created = await createTeam(tx, { slug: team.slug, name: team.name, description: team.description, keyPrefix: team.keyPrefix });
      teamIds.set(team.slug, created.id);
    }
    // Services for one team's members (a new starter's set-up) are left out: the searcher has no team.
    for (const service of demoServices.filter((candidate) => !candidate.audience)) {
      const { slug, team, name, description, requestType } = service;
      await createService(tx, 'system', { slug, team, name, description, requestType });
    }
    const year = DateTime.fromJSDate(now, { zone: 'Europe/London' }).year;
    await createCalendar(tx, {
      name: 'Company holidays',
      kind: 'company-holidays',
      timeZone: 'Europe/London',
      weekly: [],
      closures: [...englandAndWalesBankHolidays(year), ...englandAndWalesBankHolidays(year + 1)],
    });
  });
  const articleIds = await insertDemoArticles(database, teamIds, ownerId);
  return { teamIds, articleIds };
}
