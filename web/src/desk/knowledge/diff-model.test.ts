import { describe, expect, it } from 'vitest';
import { defaultComparison, diffCounts, diffLines, foldUnchanged, type DiffLine } from './diff-model.ts';

const equal = (count: number, prefix = 'line'): string => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`).join('\n');

describe('the diff of two versions as rows', () => {
  it('gives every line its own row with a sign that says what happened to it', () => {
    const lines = diffLines([
      { kind: 'equal', text: '# Laptop will not charge\n' },
      { kind: 'removed', text: 'Try the other port.\nRestart.\n' },
      { kind: 'added', text: 'Try the USB-C port on the other side.' },
    ]);
    expect(lines.map((line) => `${line.sign}${line.text}`)).toEqual([' # Laptop will not charge', '−Try the other port.', '−Restart.', '+Try the USB-C port on the other side.']);
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 2 });
  });

  it('keeps blank lines inside a change (a paragraph break is a change too)', () => {
    const lines = diffLines([{ kind: 'added', text: 'one\n\ntwo\n' }]);
    expect(lines.map((line) => line.text)).toEqual(['one', '', 'two']);
  });

  it('folds a long unchanged stretch between changes, keeping three lines of context on each side', () => {
    const lines = diffLines([
      { kind: 'added', text: 'new first line' },
      { kind: 'equal', text: equal(10) },
      { kind: 'removed', text: 'old last line' },
    ]);
    const rows = foldUnchanged(lines);
    expect(rows.map((row) => (row.type === 'folded' ? `[${row.count} hidden]` : row.text))).toEqual([
      'new first line',
      'line 1',
      'line 2',
      'line 3',
      '[4 hidden]',
      'line 8',
      'line 9',
      'line 10',
      'old last line',
    ]);
  });

  it('keeps context only towards the change at the start and the end of the body', () => {
    const lines = diffLines([
      { kind: 'equal', text: equal(6, 'top') },
      { kind: 'added', text: 'middle' },
      { kind: 'equal', text: equal(6, 'bottom') },
    ]);
    const rows = foldUnchanged(lines, 2);
    expect(rows.map((row) => (row.type === 'folded' ? `[${row.count} hidden]` : row.text))).toEqual([
      '[4 hidden]',
      'top 5',
      'top 6',
      'middle',
      'bottom 1',
      'bottom 2',
      '[4 hidden]',
    ]);
  });

  it('shows a single hidden line instead of folding it', () => {
    const lines = diffLines([
      { kind: 'removed', text: 'a' },
      { kind: 'equal', text: equal(7) },
      { kind: 'added', text: 'b' },
    ]);
    const rows = foldUnchanged(lines);
    expect(rows.some((row) => row.type === 'folded')).toBe(false);
    expect(rows).toHaveLength(9);
  });

  it('leaves a diff without changes unfolded only when it is short', () => {
    const short: DiffLine[] = diffLines([{ kind: 'equal', text: 'same' }]);
    expect(foldUnchanged(short)).toEqual(short);
    expect(foldUnchanged(diffLines([{ kind: 'equal', text: equal(20) }]))).toEqual([{ type: 'folded', count: 20 }]);
  });
});

describe('the versions compared first', () => {
  const v = (version: number, status: string) => ({ version, status });

  it('is the last edit, not a later status change (which keeps the text)', () => {
    expect(defaultComparison([v(3, 'in_review'), v(2, 'draft'), v(1, 'draft')])).toEqual({ from: 1, to: 2 });
    expect(defaultComparison([v(1, 'draft'), v(2, 'in_review'), v(3, 'published'), v(4, 'published')])).toEqual({ from: 3, to: 4 });
  });

  it('is the first against the newest when every version was a move, and nothing with one version', () => {
    expect(defaultComparison([v(1, 'draft'), v(2, 'in_review'), v(3, 'published')])).toEqual({ from: 1, to: 3 });
    expect(defaultComparison([v(1, 'draft')])).toBeNull();
  });
});
