import type { ConnectionRow } from '../connections.service.ts';
import { settingsSchemaOf, type TeamsSettings } from '../connections.schema.ts';

/**
 * A Teams connection's settings (the admin schema, decision 0025). `signing_secret` is the security
 * token Teams showed when the outgoing webhook was made (base64). Replies that come later cannot use
 * the outgoing webhook (it only answers within 5 s), so they go to an incoming webhook of the same
 * channel, whose URL is a bearer secret of its own.
 */
export function teamsSettingsOf(connection: ConnectionRow): TeamsSettings {
  const parsed = settingsSchemaOf.teams.safeParse(connection.settings ?? {});
  return parsed.success ? parsed.data : {};
}
