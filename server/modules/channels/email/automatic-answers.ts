import type { Queryable } from '../../../platform/db/database.ts';
import { publicUrl } from '../../../platform/http/public-url.ts';
import { queueMail, type QueuedMail } from './outbound/outbox.ts';

// The two answers Hallway writes to an incoming mail itself: a kind "we cannot take this from you"
// to a stranger, and a bounce for a message too large to keep. Both go through queueMail, so the
// loop guard marks them `Auto-Submitted: auto-replied` and counts them per recipient; neither is
// ever written to a message recognised as automated (process-inbound.ts decides before).

export interface AnsweredMail {
  /** Where the answer goes: the sender's address, lower case. */
  senderAddress: string;
  subject: string;
  messageId: string | null;
}

export interface AnsweringTeam {
  id: string;
  name: string;
  address: string;
}

const reSubject = (subject: string) => (subject.trim() ? `Re: ${subject.trim()}`.slice(0, 200) : 'Your message');

/** An answer from the team's address to the sender, threaded to their message. */
function queueAnswer(tx: Queryable, kind: 'rejection' | 'bounce', team: AnsweringTeam, mail: AnsweredMail, text: string, dedupeKey: string) {
  const thread = mail.messageId ? { inReplyTo: mail.messageId, references: [mail.messageId] } : {};
  return queueMail(tx, { kind, teamId: team.id, from: team.address, to: mail.senderAddress, subject: reSubject(mail.subject), text, ...thread, dedupeKey });
}
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * "We cannot take this from you, and here is where to go": at most once a day per team and
 * stranger (the dedupe key), whatever they send, so a stranger writing ten times hears it once.
 */
export function queueRejection(tx: Queryable, team: AnsweringTeam, mail: AnsweredMail, now = new Date()): Promise<QueuedMail | null> {
  const text = [
    'Hello,',
    '',
    `Thank you for writing to ${team.name} (${team.address}). This address belongs to Hallway, the`,
    `company's internal service desk, which takes requests from people in the company directory.`,
    `${mail.senderAddress} is not in it, so your message was not filed and no one will answer it from here.`,
    '',
    'If you work with us, please ask a colleague to pass your request on, or sign in to the portal',
    `at ${publicUrl()}/ to file it yourself.`,
    '',
    'This is an automatic answer, sent at most once a day.',
  ].join('\n');
  return queueAnswer(tx, 'rejection', team, mail, text, `rejection:${team.id}:${mail.senderAddress}:${utcDay(now)}`);
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** One bounce per oversized message (the dedupe key is the stored row's id). */
export function queueTooLargeBounce(
  tx: Queryable,
  team: AnsweringTeam,
  mail: AnsweredMail & { sizeBytes: number; maxBytes: number; inboundMessageId: string },
): Promise<QueuedMail | null> {
  const text = [
    'Hello,',
    '',
    `Your message to ${team.name} (${team.address}) is ${sizeText(mail.sizeBytes)}, more than the`,
    `${sizeText(mail.maxBytes)} Hallway, the company's internal service desk, takes in one message, so it was`,
    'not filed. The team\'s administrators can see that it arrived.',
    '',
    'Please send it again without the largest attachments (a link to a shared folder works well),',
    `or file it in the portal at ${publicUrl()}/ and add the files there.`,
    '',
    'This is an automatic answer.',
  ].join('\n');
  return queueAnswer(tx, 'bounce', team, mail, text, `bounce:${mail.inboundMessageId}`);
}
