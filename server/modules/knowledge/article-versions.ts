import { diffLines } from 'diff';
import type { DiffView } from './articles.schema.ts';

// The line-level difference between two versions of a body (pure). jsdiff's Myers diff finds the
// fewest lines added and removed; runs of one kind come out joined.

/** Beyond this many changed lines a diff is shown as "all of it replaced": cheap and still true. */
const MAX_EDIT_LENGTH = 5000;

/** Every line ends with a newline, so a last line that gained one is not reported as changed. */
const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export function lineChanges(before: string, after: string): DiffView['changes'] {
  const parts = diffLines(withFinalNewline(before), withFinalNewline(after), { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: withFinalNewline(before), removed: true, added: false, count: 0 },
    { value: withFinalNewline(after), added: true, removed: false, count: 0 },
  ];
  const changes: DiffView['changes'] = [];
  for (const part of parts) {
    if (part.value === '') continue;
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'equal';
    const previous = changes[changes.length - 1];
    if (previous?.kind === kind) previous.text += part.value;
    else changes.push({ kind, text: part.value });
  }
  return changes;
}
