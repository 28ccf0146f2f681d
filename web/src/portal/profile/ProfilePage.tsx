import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMe, usePersonDetail, useSetRecognition } from '../../api/queries.ts';
import type { Me, PersonDetail, Recognition } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { RecognitionChoice } from './RecognitionChoice.tsx';
import { FactGrid } from '../../components/FactGrid.tsx';
import { NotificationsSection } from './NotificationsSection.tsx';

function clockIn(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(en.locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  } catch {
    return null;
  }
}

function AboutMe({ me, person }: { me: Me; person: PersonDetail }) {
  const now = clockIn(person.timeZone);
  const facts: [string, string][] = [
    [en.profile.name, person.name],
    [en.profile.email, person.email],
    [en.profile.jobTitle, person.title ?? en.profile.notGiven],
    [en.profile.homeTeam, person.homeTeam?.name ?? en.profile.notGiven],
    [en.profile.manager, person.manager ? `${person.manager.name} (${person.manager.email})` : en.profile.noManager],
    [en.profile.location, person.location ?? en.profile.notGiven],
    [en.profile.timeZone, now ? en.profile.timeZoneNow(person.timeZone, now) : person.timeZone],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="about-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="about-title">
            {en.profile.about}
          </Title>
          {me.isAdmin && (
            <Badge variant="light" tt="none">
              {en.profile.admin}
            </Badge>
          )}
        </Group>
        <FactGrid facts={facts} />
        <Text size="xs" c="dimmed">
          {en.profile.keptBy}
        </Text>
      </Stack>
    </Paper>
  );
}

function MyWork({ me }: { me: Me }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="work-title">
      <Title order={2} size="h4" id="work-title">
        {en.profile.work}
      </Title>
      {me.memberships.length === 0 ? (
        <Text c="dimmed">{en.profile.noWork}</Text>
      ) : (
        <List>
          {me.memberships.map((membership) => (
            <List.Item key={membership.team.id}>{`${membership.team.name}: ${en.profile.roles[membership.role]}`}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The choice as it is stored, changed here at any time; the choice made stays on screen if saving fails. */
function HowToThankMe({ me }: { me: Me }) {
  const [choice, setChoice] = useState<Recognition | null>(me.recognition);
  const save = useSetRecognition();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) save.mutate(choice);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="thanks-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="thanks-title">
            {en.profile.recognitionTitle}
          </Title>
          <Text size="sm">{en.recognition.intro}</Text>
          <RecognitionChoice
            value={choice}
            onChange={(value) => {
              setChoice(value);
              save.reset();
            }}
            error={save.isError ? `${en.profile.recognitionFailed} ${errorMessage(save.error)}` : undefined}
          />
          {me.recognition === null && <Text size="sm" c="dimmed">{en.recognition.notAnswered}</Text>}
          <Group justify="space-between">
            <Text size="sm" role="status" aria-live="polite">
              {save.isSuccess ? en.profile.recognitionSaved : ''}
            </Text>
            <Button type="submit" loading={save.isPending} disabled={!choice || choice === me.recognition}>
              {en.profile.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Who I am in Hallway: my directory entry, the teams I work for, how I like to be thanked, and the mail I get. */
export function ProfilePage() {
  const me = useMe();
  const person = usePersonDetail(me.data?.id ?? '');
  if (!me.data) return <LoadingState />;
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{en.profile.title}</Title>
      {person.isPending && <LoadingState />}
      {person.isError && <ErrorState error={person.error} onRetry={() => void person.refetch()} />}
      {person.isSuccess && <AboutMe me={me.data} person={person.data} />}
      <MyWork me={me.data} />
      <HowToThankMe key={me.data.recognition ?? 'unanswered'} me={me.data} />
      <NotificationsSection />
    </Stack>
  );
}
