import { Mark, Text } from '@mantine/core';
import { snippetPieces } from '../snippet.ts';

/** A search snippet: its text as text nodes, the matched words in <mark>. No server HTML reaches the page. */
export function SnippetText({ snippet }: { snippet: string }) {
  return (
    <Text size="sm">
      {snippetPieces(snippet).map((piece, index) => (piece.marked ? <Mark key={index}>{piece.text}</Mark> : <span key={index}>{piece.text}</span>))}
    </Text>
  );
}
