import { Alert, Anchor, Button, Drawer, Group, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { useArticle } from '../api/queries.ts';
import type { SearchHit } from '../api/types.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { articleSlugFromLink } from '../intake-knowledge.ts';
import { ArticleFacts } from '../pages/ArticlePage.tsx';
import { useRecordViewOnce } from '../useRecordViewOnce.ts';

const words = knowledge.intake;

interface Props {
  hit: SearchHit | null;
  onClose(): void;
  onSolved(hit: SearchHit): void;
  solving: boolean;
  solveFailed: boolean;
}

/** The article itself, mounted afresh each time the drawer opens, so each opening counts one view. */
function OpenedArticle({ hit, onClose, onSolved, solving, solveFailed }: Props & { hit: SearchHit }) {
  const slug = articleSlugFromLink(hit.link);
  const article = useArticle(slug);
  useRecordViewOnce(slug, article.isSuccess);
  if (article.isPending) return <LoadingState />;
  if (article.isError) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  return (
    <Stack gap="md">
      <ArticleFacts article={article.data} />
      <ArticleBody html={article.data.bodyHtml} />
      {solveFailed && (
        <Alert color="red" role="alert">
          {words.deflectFailed}
        </Alert>
      )}
      <Group gap="sm">
        <Button onClick={() => onSolved(hit)} loading={solving}>
          {words.solved}
        </Button>
        <Button variant="default" onClick={onClose}>
          {words.backToForm}
        </Button>
      </Group>
      {/* A new tab, so the answers typed in the form stay where they are. */}
      <Anchor component={Link} to={hit.link} size="sm" target="_blank">
        {words.openOwnPage}
      </Anchor>
    </Stack>
  );
}

/** A suggested article read beside the form, without leaving it: "This solved it" or back to the form. */
export function ArticleDrawer(props: Props) {
  return (
    <Drawer opened={props.hit !== null} onClose={props.onClose} position="right" size="lg" title={props.hit?.title} closeButtonProps={{ 'aria-label': words.closeArticle }}>
      {props.hit && <OpenedArticle {...props} hit={props.hit} />}
    </Drawer>
  );
}
