import type { DeliveryOwner } from '../../../domain-delivery-credentials.ts';
import { findConnectionById } from '../connections.service.ts';
import { smsSettingsOf } from './sms-settings.ts';

/**
 * The gateway's credential, added to each attempt just before it is sent (decision 0022): read from
 * the environment variable the connection names, never stored. Twilio takes HTTP basic auth with the
 * account SID and auth token; a generic gateway a bearer token. A missing variable fails the attempt
 * with a reason an admin can act on (and the delivery is retried), naming the variable, not a value.
 */
export const smsDeliveryOwner: DeliveryOwner = {
  credentials: async (db, delivery) => {
    const connection = delivery.connectionId ? await findConnectionById(db, delivery.connectionId) : undefined;
    if (!connection) throw new Error('the SMS connection of this delivery no longer exists');
    const settings = smsSettingsOf(connection);
    if (!settings) throw new Error(`the SMS connection "${connection.name}" has settings that are not valid`);
    const variable = connection.credentialEnv;
    if (!variable) throw new Error(`the SMS connection "${connection.name}" names no environment variable for its API token`);
    const token = process.env[variable];
    if (!token) throw new Error(`the environment variable ${variable} (API token of the SMS connection "${connection.name}") is not set`);
    if (settings.format === 'generic') return { authorization: `Bearer ${token}` };
    if (!settings.accountSid) throw new Error(`the SMS connection "${connection.name}" has no Twilio account SID`);
    return { authorization: `Basic ${Buffer.from(`${settings.accountSid}:${token}`, 'utf8').toString('base64')}` };
  },
};
