// Putting an uploaded file's Markdown reference where the writer's cursor was. Pure, tested in
// markdown-insert.test.ts.

/** `![alt](url)` for an image (shown in the article), `[name](url)` for any other file (a link). */
export function markdownReference(file: { fileName: string; contentType: string; url: string }): string {
  // Brackets in a file name would end the link text early; a space or parenthesis in the address would end the address.
  const label = file.fileName.replace(/[[\]\\]/g, (character) => `\\${character}`);
  const url = file.url.replace(/[ ()]/g, (character) => encodeURIComponent(character));
  return file.contentType.startsWith('image/') ? `![${label}](${url})` : `[${label}](${url})`;
}

/**
 * The body with `insert` in place of the selection [start, end), and where the cursor goes after it.
 * An image or link on a line of its own reads better in Markdown, so a line break is added before it
 * when the cursor is mid-line, and after it when text follows on the same line.
 */
export function insertAt(body: string, start: number, end: number, insert: string): { body: string; cursor: number } {
  const from = Math.max(0, Math.min(start, body.length));
  const to = Math.max(from, Math.min(end, body.length));
  const before = body.slice(0, from);
  const after = body.slice(to);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const text = `${lead}${insert}${trail}`;
  return { body: `${before}${text}${after}`, cursor: from + lead.length + insert.length };
}
