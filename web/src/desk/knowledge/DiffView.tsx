import { Box, Text, VisuallyHidden } from '@mantine/core';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import type { ArticleDiff } from './api/types.ts';
import { diffCounts, diffLines, foldUnchanged, type DiffLine } from './diff-model.ts';

const lineStyles: Record<DiffLine['kind'], { background?: string; color?: string }> = {
  added: { background: 'var(--mantine-color-green-light)', color: 'var(--mantine-color-green-light-color)' },
  removed: { background: 'var(--mantine-color-red-light)', color: 'var(--mantine-color-red-light-color)' },
  equal: {},
};

/**
 * Two versions' Markdown, line by line. Added lines are green with a +, removed ones red with a −,
 * and inside <ins>/<del> with a spoken "Added:"/"Removed:", so neither colour nor sight is needed.
 */
export function DiffView({ diff }: { diff: ArticleDiff }) {
  const lines = diffLines(diff.changes);
  const counts = diffCounts(lines);
  const rows = foldUnchanged(lines);
  const titleChanged = diff.title.before !== diff.title.after;
  return (
    <Box>
      {titleChanged && (
        <Text size="sm" mb="xs" data-testid="diff-title">
          {words.history.titleChanged(diff.title.before, diff.title.after)}
        </Text>
      )}
      <Text size="sm" mb="xs" c="dimmed">
        {counts.added + counts.removed === 0 ? words.history.noDifference : words.history.counts(counts.added, counts.removed)}
      </Text>
      {counts.added + counts.removed > 0 && (
        <Box
          component="ol"
          data-testid="diff"
          m={0}
          p={0}
          style={{ listStyle: 'none', fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, overflowWrap: 'anywhere' }}
        >
          {rows.map((row, index) => {
            if (row.type === 'folded') {
              return (
                <Box component="li" key={`fold-${index}`} px="xs" py={2} c="dimmed" fs="italic" style={{ background: 'var(--mantine-color-default-hover)' }}>
                  {words.history.folded(row.count)}
                </Box>
              );
            }
            const Mark = row.kind === 'added' ? 'ins' : row.kind === 'removed' ? 'del' : 'span';
            return (
              <Box component="li" key={index} data-kind={row.kind} px="xs" style={{ ...lineStyles[row.kind], whiteSpace: 'pre-wrap', display: 'flex', gap: '0.75ch' }}>
                <span aria-hidden style={{ fontWeight: 700, width: '1ch', flex: 'none' }}>
                  {row.sign}
                </span>
                <Mark style={{ textDecoration: 'none' }}>
                  {row.kind !== 'equal' && <VisuallyHidden>{row.kind === 'added' ? words.history.added : words.history.removed}</VisuallyHidden>}
                  {row.text || '\u00a0'}
                </Mark>
              </Box>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
