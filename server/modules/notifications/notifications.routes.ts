import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { setNotificationLog } from './notification-log.ts';
import { notificationPreferencesView, updateNotificationPreferencesBody } from './notifications.schema.ts';
import { getNotificationPreferences, setNotificationPreferences } from './notifications.service.ts';

const tags = ['notifications'];

/**
 * GET/PUT /me/notifications: which mails the signed-in person gets. Only ever one's own: the person
 * comes from the credential, never from the path or body, so nobody reads or changes another's.
 */
export function notificationRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    // Reactions get no logger of their own; they log through the app's, as this module's child.
    setNotificationLog(app.log.child({ module: 'notifications' }));
    const routes = app.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/me/notifications',
      { schema: { tags, summary: 'The mails I get: each kind, its default and my choice', response: { 200: notificationPreferencesView } } },
      async (request) => getNotificationPreferences(db, requireActor(request).personId),
    );

    routes.put(
      '/me/notifications',
      {
        schema: {
          tags,
          summary: 'Turn kinds of mail on or off for me (approval mails stay on)',
          body: updateNotificationPreferencesBody,
          response: { 200: notificationPreferencesView },
        },
      },
      async (request) => setNotificationPreferences(db, requireActor(request).personId, request.body),
    );
  };
}
