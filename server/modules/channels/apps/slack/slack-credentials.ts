import type { DeliveryOwner } from '../../../domain-delivery-credentials.ts';
import { findConnectionById } from '../connections.service.ts';
import { botTokenOf, slackRefusal, slackSettingsOf } from './slack-api.ts';
import { recordStartedThread } from './slack-threads.ts';

/**
 * Slack posts carry the connection's bot token, read from its environment variable at each attempt
 * (so a rotated token applies to retries, and none is stored with the queued body). The token goes
 * only to the connection's own API address: a delivery for another URL is refused. Slack's HTTP 200
 * with `ok: false` is a failure (slackRefusal), retried only when Slack says "later".
 */
export const slackDeliveryOwner: DeliveryOwner = {
  credentials: async (db, delivery) => {
    if (!delivery.connectionId) throw new Error('a Slack delivery names no connection');
    const connection = await findConnectionById(db, delivery.connectionId);
    if (!connection || connection.kind !== 'slack') throw new Error('the Slack connection of this delivery no longer exists');
    if (!delivery.url.startsWith(`${slackSettingsOf(connection).apiBaseUrl}/`)) {
      throw new Error(`Slack connection "${connection.name}": the delivery is not for its API address`);
    }
    return { authorization: `Bearer ${botTokenOf(connection)}` };
  },
  refusalIn: (answer) => slackRefusal(answer.body),
  delivered: async (db, delivery, answer) => {
    try {
      await recordStartedThread(db, delivery.body, answer.body);
    } catch {
      // An answer that is not Slack's JSON: the post went out, the thread stays pending (posts go to the DM itself).
    }
  },
};
