import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';

// Routes for intake deflection and the knowledge reports (issue 5): filled in as the module lands.
export function deflectionRoutes(_deps: ModuleDeps) {
  return async (_app: FastifyInstance) => undefined;
}
