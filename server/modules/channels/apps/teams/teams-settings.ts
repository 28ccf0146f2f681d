import { z } from 'zod';
import type { ConnectionRow } from '../connections.service.ts';

/**
 * The non-secret settings of a Teams connection (kind 'teams'). `signing_secret` is the security
 * token Teams showed when the outgoing webhook was made (base64). Replies that come later cannot use
 * the outgoing webhook (it only answers within 5 s), so they go to an incoming webhook of the same
 * channel: its URL is a bearer secret of its own, kept in settings as the admin API shows it masked.
 */
export const teamsSettingsSchema = z.object({
  incomingWebhookUrl: z.url().optional(),
});
export type TeamsSettings = z.infer<typeof teamsSettingsSchema>;

export function teamsSettingsOf(connection: ConnectionRow): TeamsSettings {
  const parsed = teamsSettingsSchema.safeParse(connection.settings ?? {});
  return parsed.success ? parsed.data : {};
}
