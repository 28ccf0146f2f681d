import type { ArticleDiff, DiffKind } from './api/types.ts';

// The diff of two versions as rows to draw: one row per line, each with a sign (+ added, − removed)
// so the change reads without colour, and long unchanged stretches folded to a few lines of context.
// Pure, tested in diff-model.test.ts.

export interface DiffLine {
  type: 'line';
  kind: DiffKind;
  sign: '+' | '−' | ' ';
  text: string;
}

export interface FoldedLines {
  type: 'folded';
  count: number;
}

export type DiffRow = DiffLine | FoldedLines;

const signs: Record<DiffKind, DiffLine['sign']> = { added: '+', removed: '−', equal: ' ' };

/** The lines of one change: the server joins a run of lines with newlines (a final newline ends the run, it is no extra line). */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function diffLines(changes: ArticleDiff['changes']): DiffLine[] {
  return changes.flatMap((change) => linesOf(change.text).map((text): DiffLine => ({ type: 'line', kind: change.kind, sign: signs[change.kind], text })));
}

/**
 * Keeps `context` unchanged lines next to each change and folds the rest into one row, unless the
 * fold would hide a single line (showing it costs the same room as saying it is hidden).
 */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let index = 0;
  while (index < lines.length) {
    if (lines[index]!.kind !== 'equal') {
      rows.push(lines[index]!);
      index += 1;
      continue;
    }
    let end = index;
    while (end < lines.length && lines[end]!.kind === 'equal') end += 1;
    const keepBefore = index === 0 ? 0 : context; // after a change
    const keepAfter = end === lines.length ? 0 : context; // before a change
    const hidden = end - index - keepBefore - keepAfter;
    if (hidden < 2) {
      rows.push(...lines.slice(index, end));
    } else {
      rows.push(...lines.slice(index, index + keepBefore), { type: 'folded', count: hidden }, ...lines.slice(end - keepAfter, end));
    }
    index = end;
  }
  return rows;
}

/** How many lines came and went, for the diff's heading. */
export function diffCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((line) => line.kind === 'added').length,
    removed: lines.filter((line) => line.kind === 'removed').length,
  };
}

/**
 * The two versions compared until the writer picks others: the last edit. A lifecycle move also
 * makes a version (same text, new status), so the newest version whose status is the same as the
 * one before it is taken as the last edit; with none, the first version against the newest.
 */
export function defaultComparison(versions: readonly { version: number; status: string }[]): { from: number; to: number } | null {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  if (ordered.length < 2) return null;
  for (let index = ordered.length - 1; index > 0; index -= 1) {
    if (ordered[index]!.status === ordered[index - 1]!.status) return { from: ordered[index - 1]!.version, to: ordered[index]!.version };
  }
  return { from: ordered[0]!.version, to: ordered[ordered.length - 1]!.version };
}
