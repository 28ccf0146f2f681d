import type { Queryable } from '../../../../platform/db/database.ts';
import { teamForRecipient } from '../team-addresses.ts';
import { countRecentTo, lockRecipient } from './outbox.store.ts';

// Every mail Hallway sends is written by a machine, and machines answering machines is how mail
// loops start (issue 6). queueMail runs each mail through this guard, so no module can forget it:
//
// 1. It says so (RFC 3834): `Auto-Submitted: auto-replied` on answers to an incoming mail
//    (rejections, bounces, acknowledgements), `auto-generated` on every other notification, and
//    `X-Auto-Response-Suppress: All` so Exchange and Outlook send no out-of-office back.
// 2. It never writes to Hallway itself (a team address or any plus-form of it) nor to a mail
//    system's own mailbox (an empty address, MAILER-DAEMON, postmaster).
// 3. It counts: a responder that strips those headers and answers everything is still stopped by
//    a per-recipient limit per hour. Over it, the mail is kept as 'suppressed' with the reason, for
//    the outbox, and not sent.

export type AutoSubmitted = 'auto-replied' | 'auto-generated';

/** Kinds that answer an incoming mail by default: the ones a loop can drive, so the strict limit applies. */
export const AUTO_REPLIED_KINDS: readonly string[] = ['rejection', 'bounce', 'acknowledgement'];

/**
 * Mails per recipient in any hour. Answers to mail: 5, more than anyone writing by hand needs back
 * in an hour, few enough that a loop with a responder that hides what it is stays small. Other
 * notifications (replies, status changes, approvals) follow people's actions, so the limit is
 * only a backstop against a runaway automation: 50.
 */
export const RATE_LIMIT_PER_HOUR: Readonly<Record<AutoSubmitted, number>> = { 'auto-replied': 5, 'auto-generated': 50 };
const HOUR_MS = 3_600_000;

export function autoSubmittedFor(kind: string, override?: AutoSubmitted): AutoSubmitted {
  return override ?? (AUTO_REPLIED_KINDS.includes(kind) ? 'auto-replied' : 'auto-generated');
}

// Headers a caller may not set: the ones the message is built from, and the loop guard's own.
const RESERVED_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date', 'message-id', 'in-reply-to', 'references',
  'mime-version', 'content-type', 'content-transfer-encoding', 'auto-submitted', 'x-auto-response-suppress', 'return-path',
]);
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,76}$/;

/** The caller's further headers that are safe to send (no CR/LF, no reserved name), and the guard's. */
export function guardedHeaders(headers: Readonly<Record<string, string>> | undefined, autoSubmitted: AutoSubmitted): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase()) || /[\r\n\0]/.test(value)) continue;
    kept[name] = value;
  }
  return { ...kept, 'Auto-Submitted': autoSubmitted, 'X-Auto-Response-Suppress': 'All' };
}

// A plain addr-spec: no display name, no spaces, no CR/LF or angle brackets to smuggle headers in.
const PLAIN_ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/** Why no mail may go to this (lower-cased) address whatever the kind, or null. */
export function unsendableAddressReason(address: string): string | null {
  if (address === '') return 'no recipient address (a null sender is never answered)';
  if (!PLAIN_ADDRESS.test(address) || address.length > 254) return 'the recipient is not a plain e-mail address';
  const local = address.slice(0, address.lastIndexOf('@'));
  if (local === 'mailer-daemon' || local === 'postmaster') return `${address} is a mail system's mailbox, never answered`;
  return null;
}

/** Why this mail must not be sent (the loop guard), or null. Call inside the queuing transaction. */
export async function suppressionReason(tx: Queryable, to: string, autoSubmitted: AutoSubmitted, now = new Date()): Promise<string | null> {
  const unsendable = unsendableAddressReason(to);
  if (unsendable) return unsendable;
  if (await teamForRecipient(tx, to)) return `${to} is one of Hallway's own team addresses`;
  if (autoSubmitted === 'auto-replied') await lockRecipient(tx, to);
  const limit = RATE_LIMIT_PER_HOUR[autoSubmitted];
  const sent = await countRecentTo(tx, to, autoSubmitted, new Date(now.getTime() - HOUR_MS));
  if (sent >= limit) return `rate limit: ${sent} ${autoSubmitted} mails to ${to} in the last hour (at most ${limit})`;
  return null;
}
