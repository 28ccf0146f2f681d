/** What a composer produces: one mail's subject and both bodies. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** A request as every mail names it. */
export interface RequestFacts {
  key: string;
  subject: string;
  teamName: string;
  /** linkTo() of the request's page. */
  url: string;
}

/** One block of a mail: a paragraph, a quoted text (a comment), or a link shown as a button. */
export type Block = { paragraph: string } | { quote: string } | { link: string; label: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/**
 * Subjects are one header line: control characters (CR/LF from a pasted subject could otherwise
 * start a header of their own) become spaces, and the request's key leads so the inbound side
 * and people alike recognise it.
 */
export function subjectLine(prefix: string, request: Pick<RequestFacts, 'key' | 'subject'>): string {
  // eslint-disable-next-line no-control-regex
  const subject = request.subject.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return `${prefix}[${request.key}] ${subject}`.slice(0, 250);
}

/** The plain text and the HTML of the same blocks, with the footer saying why the mail came and where to change it. */
export function renderBlocks(blocks: readonly Block[], footer: string): Pick<MailContent, 'text' | 'html'> {
  const text = blocks
    .map((block) => {
      if ('paragraph' in block) return block.paragraph;
      if ('quote' in block) return block.quote;
      return `${block.label}: ${block.link}`;
    })
    .join('\n\n');
  const html = blocks
    .map((block) => {
      if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
      if ('quote' in block) {
        const lines = escapeHtml(block.quote).replace(/\r?\n/g, '<br>\n');
        return `<blockquote style="margin:0 0 1em;padding:0 1em;border-left:3px solid #ccc">${lines}</blockquote>`;
      }
      return `<p><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:8px 16px;border:1px solid #1c7ed6;border-radius:4px;color:#1c7ed6;text-decoration:none">${escapeHtml(block.label)}</a></p>`;
    })
    .join('\n');
  return {
    text: `${text}\n\n-- \n${footer}\n`,
    html: `<!doctype html>\n<html><body style="font-family:sans-serif;line-height:1.5">\n${html}\n<hr>\n<p style="color:#666;font-size:small">${escapeHtml(footer)}</p>\n</body></html>\n`,
  };
}

/** An instant in the reader's zone, e.g. "27 Nov 2026, 14:00 (Europe/London)"; UTC when the zone is unknown. */
export function whenInZone(at: Date, timeZone: string): string {
  let zone = timeZone;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    zone = 'UTC';
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  }
  return `${format.format(at)} (${zone})`;
}
