import { MailParseError } from './mail-parse-error.ts';

// mailparser is lenient by design: it turns any bytes into *some* message (a PNG becomes a
// message with one odd header and a body of noise). Those must not become requests, so the raw
// bytes are checked first and refused with a reason (decision 0019).

/** Default ceiling for one message; the intake refuses larger mail earlier with a bounce. */
export const DEFAULT_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/** Multiparts and embedded messages inside one another. Real mail rarely passes 6. */
export const MAX_MIME_DEPTH = 20;

// Headers a message from a person or a mail system carries (RFC 5322 section 3.6). At least one
// must be present, otherwise the "headers" were really the first lines of some other text.
const MESSAGE_FIELDS = new Set(['from', 'sender', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'return-path', 'received']);

// A header field name is printable US-ASCII except the colon (RFC 5322 section 2.2).
const HEADER_LINE = /^([!-9;-~]+)[ \t]*:/;

export interface RawCheckOptions {
  maxBytes?: number;
}

export function assertParseableRawMessage(raw: Buffer, options: RawCheckOptions = {}): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (raw.length > maxBytes) {
    throw new MailParseError('too-large', `The message is ${raw.length} bytes, more than the ${maxBytes} allowed.`);
  }
  if (raw.toString('latin1').trim() === '') {
    throw new MailParseError('empty', 'The message is empty.');
  }
  const headerLines = readHeaderLines(raw, 0).lines;
  if (headerLines.some((line) => line.includes('\u0000'))) {
    throw new MailParseError('binary', 'The message headers contain NUL bytes: this is binary data, not a mail message.');
  }
  const names = headerNames(headerLines);
  if (names === null) {
    throw new MailParseError('no-headers', 'The message does not start with a header section (the first line is not "Name: value").');
  }
  if (!names.some((name) => MESSAGE_FIELDS.has(name))) {
    throw new MailParseError('no-headers', 'The message has none of the headers every mail has (From, To, Subject, Date, Message-ID).');
  }
  const depth = mimeDepth(raw);
  if (depth > MAX_MIME_DEPTH) {
    throw new MailParseError('too-deeply-nested', `The message nests MIME parts ${depth} levels deep, more than the ${MAX_MIME_DEPTH} allowed.`);
  }
}

/** The lines of the header block starting at `start`, up to the first empty line. */
function readHeaderLines(raw: Buffer, start: number): { lines: string[]; end: number } {
  const lines: string[] = [];
  let position = start;
  while (position < raw.length) {
    let newline = raw.indexOf(0x0a, position);
    if (newline === -1) newline = raw.length;
    const line = raw.toString('latin1', position, newline).replace(/\r$/, '');
    position = newline + 1;
    if (line === '') break;
    lines.push(line);
  }
  return { lines, end: position };
}

/**
 * Lower-cased field names, or null when the block does not start with a field. A stray line later
 * in the block (a folding gone wrong) is skipped, as mailparser skips it: one bad header line must
 * not cost the whole message.
 */
function headerNames(lines: string[]): string[] | null {
  // An mbox "From sender date" separator may precede the headers of a message saved from a mailbox.
  const fields = lines[0]?.startsWith('From ') ? lines.slice(1) : lines;
  if (!HEADER_LINE.test(fields[0] ?? '')) return null;
  const names: string[] = [];
  for (const line of fields) {
    const match = HEADER_LINE.exec(line);
    if (match?.[1]) names.push(match[1].toLowerCase());
  }
  return names;
}

function unfoldedContentType(lines: string[]): string | null {
  const unfolded = lines.join('\n').replace(/\n[ \t]+/g, ' ').split('\n');
  const line = unfolded.find((candidate) => /^content-type[ \t]*:/i.test(candidate));
  return line ? line.slice(line.indexOf(':') + 1).trim() : null;
}

function boundaryOf(contentType: string): string | null {
  const match = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * How deep multiparts and embedded messages nest, in one linear pass over the lines: a stack of
 * open boundaries, pushed by a multipart's header and popped by a delimiter of an outer one.
 * Only bodies that are not themselves encoded can nest, so this sees every level the parser would.
 */
export function mimeDepth(raw: Buffer): number {
  const open: string[] = [];
  let deepest = 0;
  let position = 0;
  let readHeaders = true;
  while (position < raw.length) {
    if (readHeaders) {
      const block = readHeaderLines(raw, position);
      position = block.end;
      const contentType = unfoldedContentType(block.lines) ?? '';
      const boundary = /^multipart\//i.test(contentType) ? boundaryOf(contentType) : null;
      if (boundary) open.push(boundary);
      // An embedded message's own headers start right after the part's headers.
      const embedded = /^message\/(rfc822|global)/i.test(contentType);
      deepest = Math.max(deepest, open.length + (embedded ? 1 : 0));
      readHeaders = embedded;
      continue;
    }
    let newline = raw.indexOf(0x0a, position);
    if (newline === -1) newline = raw.length;
    const line = raw.toString('latin1', position, Math.min(newline, position + 400)).replace(/\r$/, '').trimEnd();
    position = newline + 1;
    if (!line.startsWith('--') || open.length === 0) continue;
    let index = open.length - 1;
    while (index >= 0 && line !== `--${open[index]}` && line !== `--${open[index]}--`) index--;
    if (index === -1) continue;
    const closing = line.endsWith('--') && line === `--${open[index]}--`;
    open.length = closing ? index : index + 1;
    readHeaders = !closing;
  }
  return deepest;
}
