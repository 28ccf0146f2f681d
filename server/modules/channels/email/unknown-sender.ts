import type { Queryable } from '../../../platform/db/database.ts';
import { createPerson, findPersonById, findTeamById, type PersonRow } from '../../people/people.service.ts';
import { emailAddress, singleLineText } from '../../people/people.schema.ts';
import { queueRejection } from './automatic-answers.ts';
import type { InboundOutcome } from './inbound.store.ts';
import { selectMailSettingsByTeam } from './inbound.store.ts';
import type { MailAddress, ParsedMail } from './parse/parse-mail.ts';
import { teamForRecipient } from './team-addresses.ts';

// A sender who is not an active person in the directory follows the receiving team's rule
// (decision 0020): 'reject' answers once, kindly, and keeps the message as rejected; 'hold' keeps it
// for an admin; 'accept' adds the sender to the directory as an employee and files as them.

export type StrangerDecision = { outcome: InboundOutcome } | { person: PersonRow };

export interface StrangerMessage {
  teamId: string;
  sender: MailAddress;
  /** The person with this address, when there is one (deactivated: not a stranger we may add). */
  known: PersonRow | undefined;
  mail: Pick<ParsedMail, 'subject' | 'messageId'>;
  /** SMTP MAIL FROM: '' is the null sender of a mail system's notice, never answered (RFC 5321 4.5.5). */
  envelopeFrom: string | null;
}

export async function decideForStranger(tx: Queryable, message: StrangerMessage): Promise<StrangerDecision> {
  const address = message.sender.address.toLowerCase();
  const settings = await selectMailSettingsByTeam(tx, message.teamId);
  const rule = settings?.unknownSenderRule ?? 'hold';
  const notInDirectory = message.known ? `the sender ${address} is deactivated in the directory` : `the sender ${address} is not in the directory`;
  const fromUs = await teamForRecipient(tx, address);

  if (rule === 'reject') {
    const team = await findTeamById(tx, message.teamId);
    // A mail from one of our own addresses is left to the loop guard, which keeps the answer back.
    if (!settings || !team || message.envelopeFrom === '') {
      return { outcome: { status: 'rejected', statusReason: `${notInDirectory}; not answered (a null sender)` } };
    }
    const queued = await queueRejection(tx, { id: team.id, name: team.name, address: settings.inboundAddress }, { senderAddress: address, subject: message.mail.subject, messageId: message.mail.messageId });
    const answer = !queued ? 'already answered today' : queued.status === 'suppressed' ? `answer held back: ${queued.statusReason}` : 'answered with a polite rejection';
    return { outcome: { status: 'rejected', statusReason: `${notInDirectory}; ${answer}` } };
  }
  if (rule === 'hold') return { outcome: { status: 'held', statusReason: notInDirectory } };

  // 'accept': but never a deactivated person brought back, nor one of Hallway's own addresses
  // turned into a person (that is a loop or a forgery).
  if (message.known) return { outcome: { status: 'held', statusReason: `${notInDirectory} (rule "accept" does not bring people back)` } };
  if (fromUs) return { outcome: { status: 'held', statusReason: `the sender ${address} is one of Hallway's own team addresses` } };
  const email = emailAddress.safeParse(address);
  if (!email.success) return { outcome: { status: 'held', statusReason: `the sender ${address} is not an address a person can have` } };
  const created = await createPerson(tx, { email: email.data, name: nameOf(message.sender, email.data), timeZone: 'UTC', isAdmin: false, active: true });
  const person = await findPersonById(tx, created.id);
  if (!person) throw new Error('the person just added cannot be read back');
  return { person };
}

/** The display name when it is a usable one-line name, else the address's local part. */
function nameOf(sender: MailAddress, address: string): string {
  const displayed = singleLineText(200).safeParse(sender.name ?? '');
  return displayed.success ? displayed.data : address.slice(0, address.lastIndexOf('@')).slice(0, 200);
}
