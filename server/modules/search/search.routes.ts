import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';

// Routes for one search over articles, services, teams and holidays (issue 5): filled in as the module lands.
export function searchRoutes(_deps: ModuleDeps) {
  return async (_app: FastifyInstance) => undefined;
}
