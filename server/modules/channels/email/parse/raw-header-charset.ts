import { isUtf8 } from 'node:buffer';

// RFC 5322 headers are ASCII, with non-ASCII text in RFC 2047 encoded words; RFC 6532 allows raw
// UTF-8. Older clients still send raw 8-bit text in their own charset ("Subject: Schl\xfcssel" in
// ISO-8859-1). mailparser reads raw header bytes as UTF-8, which turns those into U+FFFD, so a
// top-level header block that is not valid UTF-8 is transcoded first: from the charset the message
// declares for its body (the sender's client used one charset for both), else Windows-1252 (the
// superset of ISO-8859-1 most such mail is in).

function headerBlockEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf === -1) return lf === -1 ? raw.length : lf;
  return lf === -1 ? crlf : Math.min(crlf, lf);
}

function declaredCharset(headerText: string): string | null {
  const match = /^content-type:[^\n]*?charset\s*=\s*"?([A-Za-z0-9_.:-]+)/im.exec(headerText.replace(/\r?\n[ \t]+/g, ' '));
  return match?.[1] ?? null;
}

function decoderFor(charset: string | null): TextDecoder {
  if (charset && !/^(utf-?8|us-ascii)$/i.test(charset)) {
    try {
      return new TextDecoder(charset);
    } catch {
      // An unknown label: fall through to the usual charset of 8-bit mail.
    }
  }
  return new TextDecoder('windows-1252');
}

/** The message with its top-level header block in UTF-8; the same buffer when it already was. */
export function withUtf8Headers(raw: Buffer): Buffer {
  const end = headerBlockEnd(raw);
  const headers = raw.subarray(0, end);
  if (isUtf8(headers)) return raw;
  const decoded = decoderFor(declaredCharset(headers.toString('latin1'))).decode(headers);
  return Buffer.concat([Buffer.from(decoded, 'utf8'), raw.subarray(end)]);
}
