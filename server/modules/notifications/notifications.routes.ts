import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';

/** Placeholder registered in app.ts ahead of its module (notification preferences); replaced by its routes. */
export function notificationRoutes(deps: ModuleDeps) {
  void deps;
  return async (app: FastifyInstance) => {
    void app;
  };
}
