import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../app.ts';

/** Placeholder registered in app.ts ahead of its module (channel connections); replaced by its routes. */
export function connectionRoutes(deps: ModuleDeps) {
  void deps;
  return async (app: FastifyInstance) => {
    void app;
  };
}
