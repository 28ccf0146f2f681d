import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../../app.ts';

/** Placeholder registered in app.ts ahead of its module (Microsoft Teams); replaced by its routes. */
export function teamsRoutes(deps: ModuleDeps) {
  void deps;
  return async (app: FastifyInstance) => {
    void app;
  };
}
