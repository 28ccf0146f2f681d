import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';

// Routes for articles, their versions, feedback and links to requests (issue 5): filled in as the module lands.
export function articleRoutes(_deps: ModuleDeps) {
  return async (_app: FastifyInstance) => undefined;
}
