import type { Queryable } from '../../platform/db/database.ts';
import { seedDemoArticles } from './demo-articles.ts';
import { seedDemoCalendars } from './demo-calendars.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
import { insertDemoDirectory } from './demo-directory.ts';
import { demoEmail, demoPeople, demoTeams } from './demo-people.ts';
import { demoRequests } from './demo-requests.ts';
import { demoServiceRequests } from './demo-service-requests.ts';
import { seedDemoServiceRequests } from './demo-service-timelines.ts';
import { seedDemoRequests } from './demo-timelines.ts';

export interface DemoSummary {
  teams: number;
  people: number;
  /** Free-form and through the catalog, linked requests of workflows included. */
  requests: number;
  /** Catalog services, and the SLA policies they are on (one per serving team). */
  services: number;
  policies: number;
  /** The company holiday calendar and one calendar per serving team. */
  calendars: number;
  /** Knowledge-base articles, published and still being written. */
  articles: number;
  /** A few demo people worth signing in as, one per point of view. */
  examples: Array<{ role: string; email: string }>;
}

/** Seeds the whole demo organisation inside the caller's transaction. Deterministic. */
export async function seedDemoOrganisation(tx: Queryable, options: { passwordHash: string; now?: Date }): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  const directory = await insertDemoDirectory(tx, options.passwordHash);
  const calendars = await seedDemoCalendars(tx, directory, now);
  const requests = await seedDemoRequests(tx, directory, demoRequests, now);
  // After the calendars: SLA clocks count in the teams' business hours.
  const catalog = await seedDemoCatalog(tx, directory, now);
  const throughServices = await seedDemoServiceRequests(tx, directory, demoServiceRequests, now);
  // After the catalog: articles link to its services.
  const articles = await seedDemoArticles(tx, directory, now);
  return {
    teams: demoTeams.length,
    people: demoPeople.length,
    requests: requests + throughServices,
    services: catalog.serviceIdBySlug.size,
    policies: catalog.policies,
    calendars,
    articles,
    examples: [
      { role: 'IT team lead', email: demoEmail('tomasz.nowak') },
      { role: 'IT agent', email: demoEmail('daniel.osei') },
      { role: 'HR lead', email: demoEmail('olivia.bennett') },
      { role: 'employee', email: demoEmail('chloe.nguyen') },
    ],
  };
}
