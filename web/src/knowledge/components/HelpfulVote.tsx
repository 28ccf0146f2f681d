import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { useArticleFeedback } from '../api/queries.ts';
import type { ArticleView } from '../api/types.ts';

const words = knowledge.vote;
type Step = 'ask' | 'thanked' | 'commented';

/**
 * "Was this helpful?": one click says yes or no (saved at once), then a comment may follow. A person
 * who answered before sees their answer and may change it.
 */
export function HelpfulVote({ article }: { article: ArticleView }) {
  const feedback = useArticleFeedback(article.slug);
  const [step, setStep] = useState<Step>(article.myFeedback ? 'thanked' : 'ask');
  const [justVoted, setJustVoted] = useState(false);
  const [comment, setComment] = useState('');
  const mine = article.myFeedback;

  const vote = (helpful: boolean) =>
    feedback.mutate(
      { helpful },
      {
        onSuccess: () => {
          setStep('thanked');
          setJustVoted(true);
        },
      },
    );

  const sendComment = (event: FormEvent) => {
    event.preventDefault();
    if (!mine || !comment.trim()) return;
    feedback.mutate({ helpful: mine.helpful, comment: comment.trim() }, { onSuccess: () => setStep('commented') });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="helpful-vote">
      <Title order={2} size="h4" id="helpful-vote">
        {words.question}
      </Title>
      {feedback.isError && (
        <Alert color="red" role="alert">
          {words.failed}
        </Alert>
      )}
      {step === 'ask' || !mine ? (
        <Group gap="sm">
          <Button variant="light" onClick={() => vote(true)} loading={feedback.isPending && feedback.variables.helpful}>
            {words.yes}
          </Button>
          <Button variant="light" color="gray" onClick={() => vote(false)} loading={feedback.isPending && !feedback.variables.helpful}>
            {words.no}
          </Button>
        </Group>
      ) : (
        <Stack gap="sm" align="flex-start">
          <Text role="status">{step === 'commented' ? words.commentSent : justVoted ? words.thanks : words.youSaid(mine.helpful)}</Text>
          {step === 'thanked' && justVoted && (
            <form onSubmit={sendComment} style={{ width: '100%', maxWidth: 520 }}>
              <Stack gap="xs" align="flex-start">
                <Textarea
                  label={words.commentLabel}
                  description={words.commentHint}
                  value={comment}
                  onChange={(event) => setComment(event.currentTarget.value)}
                  maxLength={2000}
                  autosize
                  minRows={2}
                  w="100%"
                />
                <Button type="submit" variant="light" disabled={!comment.trim()} loading={feedback.isPending}>
                  {words.sendComment}
                </Button>
              </Stack>
            </form>
          )}
          <Button variant="subtle" size="compact-sm" onClick={() => setStep('ask')}>
            {words.change}
          </Button>
        </Stack>
      )}
      {article.stats.helpful > 0 && (
        <Text size="sm" c="dimmed">
          {words.count(article.stats.helpful)}
        </Text>
      )}
    </Stack>
  );
}
