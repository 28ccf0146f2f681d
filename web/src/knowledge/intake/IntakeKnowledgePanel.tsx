import { Anchor, Grid } from '@mantine/core';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { useState, type ReactNode } from 'react';
import { useDeflect } from '../api/queries.ts';
import type { KnowledgeOnFiling, SearchHit } from '../api/types.ts';
import { ArticleDrawer } from './ArticleDrawer.tsx';
import { DeflectedState } from './DeflectedState.tsx';
import { IntakeSuggestions } from './IntakeSuggestions.tsx';
import { useIntakeKnowledge } from './useIntakeKnowledge.ts';

/** The deflection API keeps a subject of at most 300 characters, like the filing. */
const SUBJECT_LIMIT = 300;

interface Props {
  serviceId: string;
  subject: string;
  /** The service's form, told how to report the articles shown when it is sent anyway. */
  children(forFiling: () => KnowledgeOnFiling | undefined): ReactNode;
}

/**
 * A service's form with, beside it (below it on a phone), the help articles that match the subject
 * being typed. Reading one and saying "This solved it" files nothing and says so.
 */
export function IntakeKnowledgePanel({ serviceId, subject, children }: Props) {
  const intake = useIntakeKnowledge(serviceId, subject);
  const deflect = useDeflect();
  const [solvedBy, setSolvedBy] = useState<SearchHit | null>(null);

  if (solvedBy) return <DeflectedState articleLink={solvedBy.link} />;

  const open = (hit: SearchHit) => {
    deflect.reset();
    intake.open(hit);
  };
  const solved = (hit: SearchHit) => {
    const words = (subject.trim() || intake.query || hit.title).slice(0, SUBJECT_LIMIT);
    deflect.mutate({ serviceId, subject: words, articleId: hit.id }, { onSuccess: () => setSolvedBy(hit) });
  };

  return (
    <>
      {/* On a phone the suggestions sit below the whole form, out of sight while the subject is typed. */}
      {intake.suggestions.length > 0 && (
        <Anchor href="#intake-suggestions" size="sm" hiddenFrom="md">
          {knowledge.intake.seeBelow(intake.suggestions.length)}
        </Anchor>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>{children(intake.forFiling)}</Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <IntakeSuggestions suggestions={intake.suggestions} searching={intake.searching} onOpen={open} />
        </Grid.Col>
      </Grid>
      <ArticleDrawer hit={intake.opened} onClose={intake.close} onSolved={solved} solving={deflect.isPending} solveFailed={deflect.isError} />
    </>
  );
}
