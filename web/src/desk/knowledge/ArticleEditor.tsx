import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import type { Me } from '../../api/types.ts';
import { LeaveGuard } from '../../admin/components/LeaveGuard.tsx';
import { errorMessage } from '../../components/error-message.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { useTeam } from '../api/desk-queries.ts';
import { deskRequestPath } from '../desk-paths.ts';
import { ArticleStatusBadge } from './ArticleBadges.tsx';
import { ArticleSettings } from './ArticleSettings.tsx';
import { useCategories, useCreateArticle, useSaveArticle } from './api/articles.ts';
import { knowledgeKeys } from './api/keys.ts';
import type { ArticleView } from './api/types.ts';
import { articleChange, draftFrom, emptyDraft, hasChanges, newArticleBody, rebaseDraft, type ArticleDraft } from './article-draft.ts';
import { BodyEditor } from './BodyEditor.tsx';
import { FeedbackList } from './FeedbackList.tsx';
import { articleEditorPath, readerPath } from './knowledge-paths.ts';
import { LifecyclePanel } from './LifecyclePanel.tsx';
import { MarkdownPreview } from './MarkdownPreview.tsx';
import { VersionHistory } from './VersionHistory.tsx';

interface ArticleEditorProps {
  /** The article being edited; undefined for a new one. */
  article: ArticleView | undefined;
  team: { id: string; slug: string | undefined; name: string };
  me: Me;
}

/** Title, Markdown beside its preview, settings; saved against the version read; then its lifecycle, history and feedback. */
export function ArticleEditor({ article, team, me }: ArticleEditorProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const create = useCreateArticle();
  const save = useSaveArticle();
  const categories = useCategories(team.id);
  const members = useTeam(team.slug);
  const [draft, setDraft] = useState<ArticleDraft>(() => (article ? draftFrom(article) : emptyDraft(me.id)));
  // The version the draft was written on: a save is compared with it and sent with its version, so a
  // newer version read meanwhile (a refetch) is never overwritten unseen: the API answers 412 instead.
  const [base, setBase] = useState(article);
  // A newer version read meanwhile: a lifecycle move (nothing the editor holds changed) moves the base
  // along; someone's edit is shown as it is when nothing was typed here, else it waits for the save's 412.
  useEffect(() => {
    if (!article || !base || article.version === base.version) return;
    if (!hasChanges(base, draftFrom(article))) setBase(article);
    else if (!hasChanges(base, draft)) {
      setBase(article);
      setDraft(draftFrom(article));
    }
  }, [article, base, draft]);
  const [note, setNote] = useState<string | null>(justCreated ? words.editor.created : null);
  const [conflict, setConflict] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const readOnly = article ? !article.canEdit : false;

  // Asked at the moment of leaving, so it reads the latest draft and article.
  const latest = useRef({ article: base, draft });
  latest.current = { article: base, draft };
  const unsavedNow = useCallback(() => !readOnly && hasChanges(latest.current.article, latest.current.draft), [readOnly]);
  const unsaved = !readOnly && hasChanges(base, draft);

  const mutation = article ? save : create;
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : null;
  const messages = problem ? fieldMessages(problem, 'body.') : {};
  const update = (change: Partial<ArticleDraft>) => {
    setNote(null);
    setDraft((previous) => ({ ...previous, ...change }));
  };

  const onConflict = async () => {
    setConflict(true);
    requestAnimationFrame(() => alertRef.current?.focus());
    if (!article || !base) return;
    // Their version is read, and what this writer changed is put on top of it for the next save.
    await client.invalidateQueries({ queryKey: knowledgeKeys.article(article.slug) });
    const theirs = client.getQueryData<ArticleView>(knowledgeKeys.article(article.slug));
    if (!theirs) return;
    setDraft((typed) => rebaseDraft(base, theirs, typed));
    setBase(theirs);
  };
  const onFailure = (error: Error) => {
    if (error instanceof ApiError && error.status === 412) void onConflict();
    else requestAnimationFrame(() => alertRef.current?.focus());
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    setConflict(false);
    if (!article) {
      create.mutate(newArticleBody(team.id, draft), {
        onSuccess: (created) => {
          // The new article's own address; the leave guard must not ask about what was just saved.
          latest.current = { article: created, draft: draftFrom(created) };
          void navigate(articleEditorPath(created.slug), { replace: true, state: { created: true } });
        },
        onError: onFailure,
      });
      return;
    }
    const against = base ?? article;
    const change = articleChange(against, draft);
    if (Object.keys(change).length === 0) {
      setNote(words.editor.noChanges);
      return;
    }
    save.mutate(
      { slug: article.slug, version: against.version, change },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(draftFrom(saved));
          setNote(words.editor.saved);
        },
        onError: onFailure,
      },
    );
  };

  const failure =
    mutation.isError && !conflict ? (
      <Alert ref={alertRef} tabIndex={-1} color="red" role="alert" title={problem?.status === 403 ? words.editor.forbidden : words.editor.notSaved}>
        {Object.keys(messages).length === 0 && <Text size="sm">{errorMessage(mutation.error)}</Text>}
      </Alert>
    ) : null;

  return (
    <Stack gap="lg">
      <LeaveGuard hasChanges={unsavedNow} />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6}>
          <Title order={1}>{article ? words.editor.editTitle(article.title) : words.editor.newTitle}</Title>
          {article && (
            <Group gap={6}>
              <ArticleStatusBadge status={article.status} />
              <Badge variant="default" tt="none">
                {words.editor.version(article.version)}
              </Badge>
              <Badge variant="default" tt="none">
                {team.name}
              </Badge>
              {article.sourceRequestKey && (
                <Anchor component={Link} to={deskRequestPath(article.sourceRequestKey)} size="sm">
                  {words.editor.fromRequest(article.sourceRequestKey)}
                </Anchor>
              )}
            </Group>
          )}
        </Stack>
        {article?.status === 'published' && (
          <Button component={Link} to={readerPath(article.slug)} variant="default" size="xs">
            {words.editor.readerLink}
          </Button>
        )}
      </Group>
      {conflict && (
        <Alert ref={alertRef} tabIndex={-1} color="orange" role="alert" data-testid="article-conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{words.editor.conflict}</Text>
            {article && (
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={() => {
                  setDraft(draftFrom(article));
                  setBase(article);
                  setConflict(false);
                }}
              >
                {words.editor.conflictReload}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {failure}
      {note && !mutation.isError && (
        <Alert color="green" role="status">
          {note}
        </Alert>
      )}
      {readOnly && (
        <Alert color="gray" role="status">
          {words.editor.readOnly}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: article ? 9 : 12 }}>
          <form onSubmit={onSubmit} noValidate aria-label={words.editor.details}>
            <Stack gap="md">
              <TextInput label={words.editor.title} value={draft.title} onChange={(event) => update({ title: event.currentTarget.value })} error={messages.title} required readOnly={readOnly} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <BodyEditor body={draft.body} onChange={(body) => update({ body })} error={messages.body} slug={article?.slug} readOnly={readOnly} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <MarkdownPreview body={draft.body} />
                </Grid.Col>
              </Grid>
              <Paper withBorder p="md" radius="md">
                <ArticleSettings
                  draft={draft}
                  onChange={update}
                  categories={categories.data ?? []}
                  members={members.data?.members ?? []}
                  currentOwner={article?.owner ?? { id: me.id, name: me.name }}
                  messages={messages}
                  readOnly={readOnly}
                />
              </Paper>
              {!readOnly && (
                <Group align="flex-end" wrap="wrap">
                  {article && <TextInput label={words.editor.note} value={draft.note} onChange={(event) => update({ note: event.currentTarget.value })} error={messages.note} w={{ base: '100%', sm: 420 }} />}
                  <Button type="submit" loading={mutation.isPending}>
                    {article ? words.editor.save : words.editor.create}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Grid.Col>
        {article && (
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <LifecyclePanel article={article} unsaved={unsaved} onConflict={() => void onConflict()} onMoved={() => setNote(null)} />
          </Grid.Col>
        )}
      </Grid>
      {article && <VersionHistory slug={article.slug} current={article.version} />}
      {article && article.canEdit && <FeedbackList slug={article.slug} stats={article.stats} />}
    </Stack>
  );
}
