import { simpleParser, type AddressObject, type Attachment, type EmailAddress, type HeaderLines, type ParsedMail as MailparserMail } from 'mailparser';
import { detectAutomatedMail, type AutomatedKind, type RawHeaders } from './automated.ts';
import { MailParseError } from './mail-parse-error.ts';
import { withUtf8Headers } from './raw-header-charset.ts';
import { assertParseableRawMessage, type RawCheckOptions } from './raw-message-checks.ts';
import { sanitisedHtmlToText, sanitizeMailHtml } from './sanitize-mail-html.ts';
import { FORWARDED_SUBJECT, trimQuotedText } from './trim-quoted.ts';

// One raw RFC 5322 message -> what Hallway needs from it (decision 0019). mailparser does the MIME
// work (multipart, transfer encodings, charsets through iconv-lite, RFC 2047 headers); this file
// decides what is refused, sanitises the HTML and shapes the result.

export { MailParseError } from './mail-parse-error.ts';
export type { AutomatedKind } from './automated.ts';

export interface MailAddress {
  address: string; // lower-cased
  name: string | null;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  content: Buffer;
  inline: boolean;
  contentId: string | null;
}

export interface ParsedMail {
  messageId: string | null; // without angle brackets; null when the message has none
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string; // decoded (RFC 2047), '' when absent
  date: Date | null;
  text: string; // the whole plain text (from text/plain, or derived from HTML)
  safeHtml: string | null; // sanitised HTML when the message had HTML
  visibleText: string; // text without quoted history and signature (for the timeline)
  attachments: MailAttachment[];
  automated: { kind: AutomatedKind; reason: string | null }; // why it must never be answered
}

export type ParseMailOptions = RawCheckOptions;

/** Message ids in a header value: "<a@b> <c@d>" or, from sloppy senders, bare "a@b". */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = [...joined.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1] ?? '');
  const ids = bracketed.length > 0 ? bracketed : joined.split(/[\s,]+/);
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id.includes('@') || id.length > 4))];
}

/**
 * A decoded header text on one line: an encoded word can carry CR/LF ("=?UTF-8?Q?Hi=0D=0ABcc:...?="),
 * and subjects and names are written back into outgoing mail headers.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function flattenAddresses(entries: EmailAddress[]): MailAddress[] {
  const addresses: MailAddress[] = [];
  for (const entry of entries) {
    if (entry.group) addresses.push(...flattenAddresses(entry.group));
    else if (entry.address && entry.address.includes('@')) {
      addresses.push({ address: entry.address.trim().toLowerCase(), name: oneLine(entry.name) === '' ? null : oneLine(entry.name) });
    }
  }
  return addresses;
}

function addressList(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((object) => flattenAddresses(object.value));
}

function rawHeaders(lines: HeaderLines): RawHeaders {
  const headers = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const unfolded = line.replace(/\r?\n[ \t]+/g, ' ');
    const value = unfolded.slice(unfolded.indexOf(':') + 1).trim();
    headers.set(key.toLowerCase(), [...(headers.get(key.toLowerCase()) ?? []), value]);
  }
  return headers;
}

function topContentType(mail: MailparserMail): { value: string; params: Record<string, string> } {
  const header = mail.headers.get('content-type');
  if (header && typeof header === 'object' && 'value' in header && 'params' in header && typeof header.value === 'string') {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(header.params)) if (typeof value === 'string') params[name.toLowerCase()] = value;
    return { value: header.value.toLowerCase(), params };
  }
  return { value: 'text/plain', params: {} };
}

// Extensions for parts that came without a file name, so a download opens in the right program.
const EXTENSION_BY_TYPE: Record<string, string> = {
  'text/plain': 'txt', 'text/rfc822-headers': 'txt', 'text/html': 'html', 'text/calendar': 'ics', 'message/rfc822': 'eml',
  'message/delivery-status': 'txt', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'application/pdf': 'pdf',
};

/** The sender's file name without folders or control characters: it only ever names a download. */
function cleanFileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const lastSegment = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.trim().replace(/^\.+$/, '');
  return cleaned.slice(0, 255);
}

function toAttachment(attachment: Attachment): MailAttachment {
  const contentId = attachment.cid ?? null;
  const type = attachment.contentType.toLowerCase();
  const extension = EXTENSION_BY_TYPE[type] ?? 'bin';
  return {
    fileName: cleanFileName(attachment.filename) || (contentId ? `${contentId.split('@')[0]}.${extension}` : `attachment.${extension}`),
    contentType: attachment.contentType.toLowerCase(),
    sizeBytes: attachment.size,
    content: attachment.content,
    inline: attachment.contentDisposition === 'inline' || attachment.related === true,
    contentId,
  };
}

function plainText(mail: MailparserMail, safeHtml: string | null): string {
  const text = (mail.text ?? '').replace(/\r\n?/g, '\n').trim();
  if (text !== '' || safeHtml === null) return text;
  return sanitisedHtmlToText(safeHtml);
}

export async function parseMail(raw: Buffer, options: ParseMailOptions = {}): Promise<ParsedMail> {
  assertParseableRawMessage(raw, options);
  let mail: MailparserMail;
  try {
    mail = await simpleParser(withUtf8Headers(raw), { keepCidLinks: true, skipTextToHtml: true, skipHtmlToText: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MailParseError('parser-failed', `The MIME structure could not be read: ${detail}`, { cause: error });
  }
  const from = addressList(mail.from)[0] ?? null;
  const subject = oneLine(mail.subject ?? '');
  const contentType = topContentType(mail);
  const safeHtml = typeof mail.html === 'string' ? sanitizeMailHtml(mail.html) : null;
  const text = plainText(mail, safeHtml);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
  return {
    messageId: messageIdsIn(mail.messageId)[0] ?? null,
    inReplyTo: messageIdsIn(mail.inReplyTo)[0] ?? null,
    references: messageIdsIn(mail.references),
    from,
    replyTo: addressList(mail.replyTo)[0] ?? null,
    to: addressList(mail.to),
    cc: addressList(mail.cc),
    subject,
    date,
    text,
    safeHtml,
    visibleText: trimQuotedText(text, { forwarded: FORWARDED_SUBJECT.test(subject) }),
    attachments: mail.attachments.map(toAttachment),
    automated: detectAutomatedMail({
      headers: rawHeaders(mail.headerLines),
      fromAddress: from?.address ?? null,
      subject,
      contentType: contentType.value,
      contentTypeParams: contentType.params,
    }),
  };
}
