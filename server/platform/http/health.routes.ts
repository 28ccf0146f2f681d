import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isReachable, type Database } from '../db/database.ts';
import { migrationsAreCurrent } from '../db/migrate.ts';

const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['reachable', 'unreachable']),
  migrations: z.enum(['current', 'pending', 'unknown']),
});

const HEALTHY_BODY = JSON.stringify({ status: 'ok' });

export function healthRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    // Process liveness only: no I/O, and a ready-made body (a string skips the serializer),
    // so a load balancer's probe costs next to nothing.
    app.get(
      '/healthz',
      { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
      async (_request, reply) => reply.type('application/json; charset=utf-8').send(HEALTHY_BODY),
    );
    routes.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'The database is reachable and every migration is applied',
          response: { 200: readiness, 503: readiness },
        },
      },
      async (_request, reply) => {
        const reachable = await isReachable(database);
        const current = reachable ? await migrationsAreCurrent(database) : undefined;
        const body = {
          status: reachable && current ? ('ready' as const) : ('not_ready' as const),
          database: reachable ? ('reachable' as const) : ('unreachable' as const),
          migrations: current === undefined ? ('unknown' as const) : current ? ('current' as const) : ('pending' as const),
        };
        return reply.code(body.status === 'ready' ? 200 : 503).send(body);
      },
    );
  };
}
