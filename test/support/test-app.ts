import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../server/app.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** buildApp() on a fresh migrated database of this run's kind; nothing listens. */
export async function createTestApp(config: Partial<AppDeps['config']> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({
    database,
    config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'silent', ...config },
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
