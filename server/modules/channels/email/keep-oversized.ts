import type { Database } from '../../../platform/db/database.ts';
import { findTeamById } from '../../people/people.service.ts';
import { queueTooLargeBounce } from './automatic-answers.ts';
import { insertInboundMessage, selectMailSettingsByTeam } from './inbound.store.ts';
import { messageKeyOf } from './message-key.ts';
import { MailParseError, parseMail } from './parse/parse-mail.ts';

/** How a kept oversized message's status_reason starts (reprocessing refuses it: there is no body). */
export const TOO_LARGE_REASON = 'too large:';

export interface OversizedMessage {
  teamId: string;
  envelopeTo: string[];
  /** The message's header section only: the body is what is too large to take. */
  headerSection: Buffer;
  sizeBytes: number;
  maxBytes: number;
}

/**
 * A polled message over the size limit is not lost (decision 0020): it stays unread in the team's
 * mailbox, and its header section is kept as a 'rejected' inbound message, so admins see who sent
 * what and how large; its sender gets one bounce saying so (never an automated sender). Keyed like
 * any message, so polling it again records and answers nothing twice. The inbound row's id, or null
 * when it was kept before.
 */
export async function keepOversizedMessage(database: Database, message: OversizedMessage): Promise<string | null> {
  const headers = Buffer.concat([message.headerSection, Buffer.from('\r\n')]);
  const { key, sha256 } = messageKeyOf(headers);
  const mail = await parseMail(headers).catch((error: unknown) => {
    if (error instanceof MailParseError) return null;
    throw error;
  });
  const reason = `${TOO_LARGE_REASON} ${message.sizeBytes} bytes, over the limit of ${message.maxBytes}; left unread in the mailbox, headers kept`;
  return database.db.transaction(async (tx) => {
    const id = await insertInboundMessage(tx, {
      teamId: message.teamId,
      channel: 'imap',
      messageKey: key,
      sha256,
      envelopeFrom: null,
      envelopeTo: message.envelopeTo,
      raw: headers,
      status: 'rejected',
      statusReason: reason,
      automatedKind: mail && mail.automated.kind !== 'none' ? mail.automated.kind : null,
    });
    const sender = mail?.from?.address;
    if (!id || !mail || !sender || mail.automated.kind !== 'none') return id;
    const settings = await selectMailSettingsByTeam(tx, message.teamId);
    const team = await findTeamById(tx, message.teamId);
    if (settings && team) {
      await queueTooLargeBounce(tx, { id: team.id, name: team.name, address: settings.inboundAddress }, {
        senderAddress: sender,
        subject: mail.subject,
        messageId: mail.messageId,
        sizeBytes: message.sizeBytes,
        maxBytes: message.maxBytes,
        inboundMessageId: id,
      });
    }
    return id;
  });
}
