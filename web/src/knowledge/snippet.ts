// A search hit's snippet arrives as HTML whose only tags are <mark>…</mark> around matched words,
// everything else escaped. It is never handed to the browser as HTML: it is split here into plain
// text pieces, marked or not, which React renders as text nodes. Anything that is not exactly a
// <mark> pair (a stray tag, should the server ever send one) stays visible text, never markup.

export interface SnippetPiece {
  text: string;
  marked: boolean;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function codePointText(code: number): string | null {
  // Lone surrogates and numbers past Unicode are not characters; keep them as written.
  if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/** The text an escaped HTML fragment stands for: &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      return codePointText(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The snippet as pieces of text, each marked (a matched word) or not; neighbours of one kind are joined. */
export function snippetPieces(snippet: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  const push = (html: string, marked: boolean) => {
    const text = decodeEntities(html);
    if (text === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.marked === marked) last.text += text;
    else pieces.push({ text, marked });
  };
  const markPair = /<mark>([\s\S]*?)<\/mark>/gi;
  let from = 0;
  for (const match of snippet.matchAll(markPair)) {
    push(snippet.slice(from, match.index), false);
    push(match[1] ?? '', true);
    from = match.index + match[0].length;
  }
  push(snippet.slice(from), false);
  return pieces;
}
