import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/database.ts';

/** On the first start with an empty database: the first admin, and the demo organisation. */
export async function prepareFirstStart(
  _database: Database,
  _config: Pick<Config, 'seedDemo' | 'firstAdmin'>,
  _log: FastifyBaseLogger,
): Promise<void> {}
