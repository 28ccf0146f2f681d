import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../../app.ts';

/** Placeholder registered in app.ts ahead of its module (the outbox); replaced by its routes. */
export function outboxRoutes(deps: ModuleDeps) {
  void deps;
  return async (app: FastifyInstance) => {
    void app;
  };
}
