import type { Database, Queryable } from '../../../../platform/db/database.ts';
import { linkTo } from '../../../../platform/http/public-url.ts';
import { findActivePeopleByPhoneEnding, type PersonRow } from '../../../people/people.service.ts';
import { findRequestForHallway } from '../../../requests/requests.service.ts';
import { actorOfPerson, commentFromChannel, fileFromChannel } from './chat-app-inbound.ts';
import { channelThreadsAt, receiptRequest, recordInboundReceipt, type ConnectionRow } from '../connections.service.ts';
import { matchingSuffix, toE164 } from './phone-number.ts';
import { smsText } from './sms-message.ts';
import { queueSms } from './sms-outbound.ts';
import type { SmsSettings } from './sms-settings.ts';

export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}

export type SmsOutcome =
  | { kind: 'repeat' }
  | { kind: 'unknown-sender' }
  | { kind: 'filed'; key: string }
  | { kind: 'commented'; key: string };

/**
 * `NEW` (capitals, as the first word) starts a new request even while one is open; the words after
 * it are the request. Capitals only, so "New monitor flickers" is an ordinary message.
 */
const NEW_KEYWORD = /^NEW(?:\s+|[:.,!-]\s*|$)/;
const FINISHED = new Set(['resolved', 'closed']);

export const STRANGER_TEXT =
  'Hallway service desk: we cannot match this number to anyone in the company directory, so nothing was filed. ' +
  'Ask for your mobile number to be added to your directory entry, or use the portal or e-mail.';

/**
 * One verified message from the gateway, in one transaction with its receipt: a repeat of the same
 * MessageSid changes nothing. A stranger gets one polite answer per number per day (the outbox's
 * dedupe key is the rate limit, durable across processes); a known person's message comments on
 * their open SMS request on this connection, or files a new one acknowledged by SMS.
 */
export async function receiveSms(database: Database, connection: ConnectionRow, settings: SmsSettings, sms: InboundSms, now = new Date()): Promise<SmsOutcome> {
  return database.db.transaction(async (tx) => {
    if (!(await recordInboundReceipt(tx, connection.id, sms.messageSid))) return { kind: 'repeat' };
    const number = toE164(sms.from, settings.defaultCountryCode);
    const person = number ? await personWithNumber(tx, number, settings.defaultCountryCode) : null;
    if (!number || !person) {
      if (number) {
        const day = now.toISOString().slice(0, 10);
        await queueSms(tx, connection, { to: number, text: STRANGER_TEXT, dedupeKey: `sms-stranger:${connection.id}:${number}:${day}` });
      }
      return { kind: 'unknown-sender' };
    }
    const actor = await actorOfPerson(tx, person);
    const startsNew = NEW_KEYWORD.test(sms.body.trim());
    const text = sms.body.trim().replace(NEW_KEYWORD, '');

    if (!startsNew) {
      const threads = (await channelThreadsAt(tx, connection.id, number)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      for (const thread of threads) {
        if (thread.personId !== person.id) continue;
        const request = await findRequestForHallway(tx, { id: thread.requestId });
        if (!request || FINISHED.has(request.status)) continue;
        if (await commentFromChannel(tx, actor, request.key, text)) {
          await receiptRequest(tx, connection.id, sms.messageSid, request.id);
          return { kind: 'commented', key: request.key };
        }
      }
    }
    const filed = await fileFromChannel(tx, actor, connection, { text, channel: 'sms', externalThread: number });
    await receiptRequest(tx, connection.id, sms.messageSid, filed.id);
    const words = 'Thanks, we have your request. Reply to this number to add to it; start a message with NEW for a new request.';
    await queueSms(tx, connection, {
      to: number,
      text: smsText(filed.key, words, linkTo(`/requests/${filed.key}`)),
      requestId: filed.id,
      dedupeKey: `sms-ack:${filed.id}`,
    });
    return { kind: 'filed', key: filed.key };
  });
}

/** The one active person with this number; none when nobody or several people have it. */
async function personWithNumber(db: Queryable, number: string, defaultCountryCode: string | undefined): Promise<PersonRow | null> {
  const candidates = await findActivePeopleByPhoneEnding(db, matchingSuffix(number).replace(/\D/g, ''));
  const matches = candidates.filter((candidate) => candidate.phone !== null && toE164(candidate.phone, defaultCountryCode) === number);
  return matches.length === 1 ? matches[0]! : null;
}
