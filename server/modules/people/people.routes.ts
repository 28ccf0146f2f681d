import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';

export function peopleRoutes(_deps: ModuleDeps) {
  return async (_app: FastifyInstance) => {};
}
