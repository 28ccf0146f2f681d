import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';

export function authRoutes(_deps: ModuleDeps) {
  return async (_app: FastifyInstance) => {};
}
