import { REQUEST_KEY_PATTERN } from '../../../requests/requests.schema.ts';
import type { ParsedMail } from './parse-mail.ts';

// What a reply carries that ties it to an existing request, strongest first (issue 6): the reply
// token in the address we sent from, the Message-IDs it answers, a "[IT-42]" key in the subject.
// Never the subject text itself: "Re: Printer broken" from two people is two problems.

export interface ThreadingHints {
  /** From a plus-address on one of our domains: `it+r-<token>@<our domain>`. Lower-case, since parseMail lower-cases addresses. */
  replyToken: string | null;
  /** In-Reply-To first, then References from the newest to the oldest, each once. */
  referencedIds: string[];
  /** A request key in square brackets in the subject, upper-cased: "[it-42]" gives "IT-42". */
  subjectKey: string | null;
}

// The detail part of a plus-address that holds a reply token. Tokens are URL-safe random strings.
const REPLY_TOKEN_DETAIL = /\+r-([a-z0-9_-]{6,128})$/;

const BRACKETED_KEY = new RegExp(`\\[\\s*(${REQUEST_KEY_PATTERN.source.replace(/^\^|\$$/g, '')})\\s*\\]`, 'i');

function replyTokenOf(mail: ParsedMail, ourDomains: string[]): string | null {
  const domains = new Set(ourDomains.map((domain) => domain.trim().toLowerCase()));
  for (const recipient of [...mail.to, ...mail.cc]) {
    const at = recipient.address.lastIndexOf('@');
    if (at === -1 || !domains.has(recipient.address.slice(at + 1))) continue;
    const match = REPLY_TOKEN_DETAIL.exec(recipient.address.slice(0, at));
    if (match?.[1]) return match[1];
  }
  return null;
}

function referencedIdsOf(mail: ParsedMail): string[] {
  const ids = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[...mail.references].reverse()];
  return [...new Set(ids)];
}

function subjectKeyOf(subject: string): string | null {
  const match = BRACKETED_KEY.exec(subject);
  return match?.[1] ? match[1].toUpperCase() : null;
}

export function threadingHints(mail: ParsedMail, ourDomains: string[]): ThreadingHints {
  return { replyToken: replyTokenOf(mail, ourDomains), referencedIds: referencedIdsOf(mail), subjectKey: subjectKeyOf(mail.subject) };
}
