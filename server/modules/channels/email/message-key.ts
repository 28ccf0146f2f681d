import { createHash } from 'node:crypto';

// The key an inbound message is stored under (decision 0020): its Message-ID when it has one, so a
// redelivery by SMTP or a second poll of the same mailbox finds the row already there, or the
// SHA-256 of its bytes when it has none, so at least a byte-identical redelivery is caught.
// Read straight from the raw header section, before and independently of any MIME parsing: storing
// must not depend on the parser, which may fail on the very message we must keep.

/** The Message-ID without angle brackets or surrounding space, its domain lower-cased; null when unusable. */
export function normaliseMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const bare = (bracketed ? bracketed[1]! : value).trim();
  // An id with spaces or control characters is not one: better to fall back to the bytes' hash.
  if (bare === '' || bare.length > 995 || /[\s\u0000-\u001f<>]/.test(bare)) return null;
  const at = bare.lastIndexOf('@');
  // The part right of "@" is a domain (case-insensitive); the left part is compared as sent.
  return at > 0 ? `${bare.slice(0, at)}@${bare.slice(at + 1).toLowerCase()}` : bare;
}

/** The first Message-ID header of the raw message's header section (folded lines unfolded). */
export function rawMessageIdHeader(raw: Buffer): string | null {
  // The header section ends at the first empty line; 64 KiB of headers is already far beyond real mail.
  const head = raw.subarray(0, 65_536).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const section = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  for (const line of section.split(/\r?\n/)) {
    const match = /^message-id[ \t]*:(.*)$/i.exec(line);
    if (match) return match[1]!.trim();
  }
  return null;
}

export function sha256Hex(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

export interface MessageKey {
  key: string;
  messageId: string | null;
  sha256: string;
}

export function messageKeyOf(raw: Buffer): MessageKey {
  const sha256 = sha256Hex(raw);
  const messageId = normaliseMessageId(rawMessageIdHeader(raw));
  return { key: messageId ? `id:${messageId}` : `sha256:${sha256}`, messageId, sha256 };
}
