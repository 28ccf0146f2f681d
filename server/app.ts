import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { registerAuthentication } from './platform/auth/authenticate.ts';
import type { Database } from './platform/db/database.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { homeRoutes } from './platform/http/home.routes.ts';
import { loggerOptions } from './platform/http/log-safety.ts';
import { registerProblemHandlers } from './platform/http/problem.ts';
import { attachmentRoutes } from './modules/attachments/attachments.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendars/calendars.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { connectionRoutes } from './modules/channels/apps/connections.routes.ts';
import { slackRoutes } from './modules/channels/apps/slack/slack.routes.ts';
import { smsRoutes } from './modules/channels/apps/sms/sms.routes.ts';
import { teamsRoutes } from './modules/channels/apps/teams/teams.routes.ts';
import { chatRoutes } from './modules/channels/chat/chat.routes.ts';
import { inboundMailRoutes } from './modules/channels/email/inbound-mail.routes.ts';
import { outboxRoutes } from './modules/channels/email/outbound/outbox.routes.ts';
import { requestMailRoutes } from './modules/channels/email/request-mail.routes.ts';
import { inboundWebhookRoutes } from './modules/integrations/inbound-webhooks.routes.ts';
import { webhookRoutes } from './modules/integrations/webhooks.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { articleRoutes } from './modules/knowledge/articles.routes.ts';
import { deflectionRoutes } from './modules/knowledge/deflection.routes.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { requestRoutes } from './modules/requests/requests.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { slaRoutes } from './modules/sla/sla.routes.ts';
import { workflowRoutes } from './modules/workflows/workflows.routes.ts';

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'secureCookies' | 'bodyLimitBytes' | 'logLevel'> & Partial<Pick<Config, 'trustProxy'>>;
  /** Pino options or false; tests pass false. */
  logger?: boolean | Record<string, unknown>;
}

/** Every module registered, nothing listening: `main.ts` listens, tests use `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(deps.config.logLevel),
    bodyLimit: deps.config.bodyLimitBytes,
    // Sign-in throttling counts per client address: behind a proxy it must see the real one.
    trustProxy: deps.config.trustProxy ?? false,
    // Closing keeps in-flight requests going but tells keep-alive clients to go elsewhere.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // One log line per request (below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hallway API',
        version: '1',
        description: 'The internal service desk. Errors are RFC 9457 problem+json documents with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'hallway_session' },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Probes, the web root and the API document sit outside the API context below: no cookie parsing,
  // no authentication and no log line per call, so a load balancer's probe costs next to nothing.
  await app.register(healthRoutes(deps.database));
  await app.register(homeRoutes);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // In-memory caches (decision 0005) serve only while the database's change announcements reach us.
  const stopWatching = deps.database.changes.onLiveChange((live) => {
    if (live) app.log.info('change signals listening; in-memory caches in use');
    else app.log.warn('change signals lost; in-memory caches bypassed until listening again');
  });
  app.addHook('onClose', async () => {
    stopWatching();
  });

  const moduleDeps = { database: deps.database, secureCookies: deps.config.secureCookies };
  await app.register(async (api) => {
    api.addHook('onResponse', async (request, reply) => {
      // The route pattern is logged, not the URL, so search words never reach the log.
      request.log.info(
        { method: request.method, url: request.routeOptions.url ?? request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    });
    await api.register(fastifyCookie);
    registerAuthentication(api, deps.database);
    await api.register(authRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(peopleRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(requestRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(calendarRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(slaRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(catalogRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(workflowRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(liveRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(attachmentRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(articleRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(deflectionRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(searchRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(inboundMailRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(requestMailRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(outboxRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(notificationRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(chatRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(connectionRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(slackRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(teamsRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(smsRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(webhookRoutes(moduleDeps), { prefix: '/api/v1' });
    await api.register(inboundWebhookRoutes(moduleDeps), { prefix: '/api/v1' });
  });
  return app;
}

export type ModuleDeps = { database: Database; secureCookies: boolean };
