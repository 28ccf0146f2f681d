import type { Problem } from '../../api/problem.ts';

// The directory import's error report: the API names each bad line as `line <n>` (the file's own
// line numbers, header = 1), so the report reads like the file.

export interface LineProblem {
  line: number;
  reason: string;
}

/** Every problem of a refused import, by line; a problem about the whole file (no header) is line 1. */
export function importLineProblems(problem: Problem): LineProblem[] {
  return (problem.errors ?? [])
    .map(({ field, reason }) => ({ line: Number(/^line (\d+)$/.exec(field)?.[1] ?? 1), reason }))
    .sort((a, b) => a.line - b.line);
}

/** The text of one line of the file, to show beside its problem (trailing CR of Windows files dropped). */
export function lineOf(csv: string, line: number): string {
  return (csv.split('\n')[line - 1] ?? '').replace(/\r$/, '');
}
