import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { knowledge } from '../../i18n/en-knowledge.ts';
import type { SearchHit } from '../api/types.ts';
import { SnippetText } from '../components/SnippetText.tsx';

const words = knowledge.intake;

/** Beside the form (below it on a phone): the help articles that may answer what the employee typed. */
export function IntakeSuggestions({ suggestions, searching, onOpen }: { suggestions: SearchHit[]; searching: boolean; onOpen(hit: SearchHit): void }) {
  return (
    <Stack gap="sm">
      {/* Said aloud when articles appear, without moving focus from the subject being typed. */}
      <Text size="sm" role="status" aria-live="polite" c="dimmed">
        {suggestions.length > 0 ? words.suggestionsFound(suggestions.length) : ''}
      </Text>
      {suggestions.length > 0 && (
        <Paper withBorder radius="md" p="md" component="aside" aria-labelledby="intake-suggestions">
          <Stack gap="md">
            <Title order={2} size="h4" id="intake-suggestions">
              {words.suggestionsTitle} {searching && <Loader size="xs" aria-hidden />}
            </Title>
            {suggestions.map((hit) => (
              <Stack key={hit.id} gap={2}>
                {/* Opens the article beside the form (a drawer), so nothing typed is lost. */}
                <Anchor component="button" type="button" onClick={() => onOpen(hit)} fw={600} ta="left">
                  {hit.title}
                </Anchor>
                {hit.snippet && <SnippetText snippet={hit.snippet} />}
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
