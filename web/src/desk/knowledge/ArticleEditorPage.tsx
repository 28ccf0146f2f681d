import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { useArticle } from './api/articles.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { teamArticlesPath } from './knowledge-paths.ts';
import { useDeskTeam, useTeamSlugById } from './use-desk-team.ts';

function BackTo({ slug, name, here }: { slug: string | undefined; name: string; here: string }) {
  return (
    <Breadcrumbs>
      {slug ? (
        <Anchor component={Link} to={teamArticlesPath(slug)}>
          {words.editor.back(name)}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/desk">
          {en.desk.title}
        </Anchor>
      )}
      <Text>{here}</Text>
    </Breadcrumbs>
  );
}

/** /desk/articles/:slug: one article in the editor. Keyed by the article, so nothing typed follows the writer to another. */
export function ArticleEditorPage() {
  const { slug = '' } = useParams();
  const me = useMe();
  const article = useArticle(slug);
  const teamSlug = useTeamSlugById(article.data?.teamId);
  return (
    <Stack gap="md">
      <BackTo slug={teamSlug} name={article.data?.teamName ?? ''} here={article.data?.title ?? slug} />
      {(article.isPending || me.isPending) && <LoadingState />}
      {article.isError && <ErrorState error={article.error} onRetry={() => void article.refetch()} />}
      {article.isSuccess && me.data && (
        <ArticleEditor key={slug} article={article.data} team={{ id: article.data.teamId, slug: teamSlug, name: article.data.teamName }} me={me.data} />
      )}
    </Stack>
  );
}

/** /desk/:team/articles/new: a new draft for the team. */
export function NewArticlePage() {
  const { team: teamSlug = '' } = useParams();
  const { team, me, isPending, isMissing, error } = useDeskTeam(teamSlug);
  return (
    <Stack gap="md">
      <BackTo slug={teamSlug} name={team?.name ?? teamSlug} here={words.editor.newTitle} />
      {isPending && <LoadingState />}
      {error && <ErrorState error={error} />}
      {isMissing && <EmptyState>{en.states.notFound}</EmptyState>}
      {team && me && <ArticleEditor key={`new-${teamSlug}`} article={undefined} team={{ id: team.id, slug: teamSlug, name: team.name }} me={me} />}
    </Stack>
  );
}
