import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useSearch } from '../api/queries.ts';
import type { KnowledgeOnFiling, SearchHit } from '../api/types.ts';
import { knowledgeForFiling, searchIdFromState, suggestionQuery, withIds } from '../intake-knowledge.ts';

/** How long typing must pause before the subject is searched: fast enough to feel live, slow enough not to search every key. */
const TYPING_PAUSE_MS = 300;
const SUGGESTIONS = 5;

export interface IntakeKnowledge {
  /** The articles that may answer the subject as typed so far. */
  suggestions: SearchHit[];
  searching: boolean;
  /** The words last searched (the subject as the deflection records it if the employee typed on since). */
  query: string | null;
  opened: SearchHit | null;
  open(hit: SearchHit): void;
  close(): void;
  /** The `knowledge` field for the filing: what was shown and opened, and the search that led here. */
  forFiling(): KnowledgeOnFiling | undefined;
}

/**
 * Deflection at intake: as the employee types the subject, the service's help articles that match it
 * (GET /search?source=intake, not logged by the API), and what they were shown and opened, for the
 * filing to report if they ask anyway.
 */
export function useIntakeKnowledge(serviceId: string, subject: string): IntakeKnowledge {
  const [typed] = useDebouncedValue(subject, TYPING_PAUSE_MS);
  const query = suggestionQuery(typed);
  const search = useSearch(query ? { q: query, source: 'intake', types: ['article'], service: serviceId, limit: SUGGESTIONS } : null);
  const suggestions = query ? (search.data?.hits ?? []).filter((hit) => hit.type === 'article') : [];
  const [shownIds, setShownIds] = useState<string[]>([]);
  const [openedIds, setOpenedIds] = useState<string[]>([]);
  const [opened, setOpened] = useState<SearchHit | null>(null);
  const searchId = searchIdFromState(useLocation().state);

  const shownKey = suggestions.map((hit) => hit.id).join(',');
  useEffect(() => {
    if (shownKey) setShownIds((seen) => withIds(seen, shownKey.split(',')));
  }, [shownKey]);

  return {
    suggestions,
    searching: query !== null && search.isFetching,
    query,
    opened,
    open: (hit) => {
      setOpenedIds((seen) => withIds(seen, [hit.id]));
      setOpened(hit);
    },
    close: () => setOpened(null),
    forFiling: () => knowledgeForFiling(shownIds, openedIds, searchId),
  };
}
