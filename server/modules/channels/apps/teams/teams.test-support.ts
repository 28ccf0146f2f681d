import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { startHttpReceiver, type HttpReceiver } from '../../../../../test/support/http-receiver.ts';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { signTeamsRequest } from '../../signatures/teams-outgoing-webhook.ts';
import { insertConnection } from '../sms/chat-app.test-support.ts';

/** What a Teams test works against: the app, its people, a Teams connection, and the channel's incoming webhook (a local receiver). */
export interface TeamsRig {
  t: TestApp;
  cast: Cast;
  channel: HttpReceiver;
  connection: Awaited<ReturnType<typeof insertConnection>>;
  securityToken: string;
  /** Posts a body to the connection's webhook URL, signed as Teams signs it unless told otherwise. */
  post(body: string, options?: { authorization?: string; connectionId?: string }, app?: FastifyInstance): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTeamsRig(name: string): Promise<TeamsRig> {
  const securityToken = Buffer.from(`hallway-teams-${name}-key`).toString('base64');
  const t = await createTestApp();
  const cast = await buildCast(t.database);
  const channel = await startHttpReceiver();
  const connection = await insertConnection(t.database, {
    teamId: cast.team.id,
    kind: 'teams',
    externalId: `${name}-channel`,
    signingSecret: securityToken,
    settings: { incomingWebhookUrl: `${channel.url}/webhookb2/${name}` },
  });
  return {
    t,
    cast,
    channel,
    connection,
    securityToken,
    post: (body, options = {}, app = t.app) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/channels/teams/${options.connectionId ?? connection.id}`,
        // As Teams sends it, with the charset.
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: options.authorization ?? signTeamsRequest(securityToken, body) },
        payload: body,
      }),
    close: async () => {
      await channel.close();
      await t.close();
    },
  };
}
