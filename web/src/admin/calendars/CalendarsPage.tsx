import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { useMe } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useCalendars, useCreateCalendar } from '../api/calendars.ts';
import { useTeams } from '../api/services.ts';
import type { Team } from '../api/types.ts';
import { leadsTeams } from '../sections.ts';
import { CalendarDetailPanel } from './CalendarDetailPanel.tsx';
import { SaveFailedAlert } from '../components/SaveFailedAlert.tsx';

const words = en.admin.calendars;
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

function CreateCalendar({ teams, canHolidays, onCreated }: { teams: Team[]; canHolidays: boolean; onCreated: (id: string) => void }) {
  const create = useCreateCalendar();
  const [kind, setKind] = useState<'team' | 'company-holidays'>('team');
  const [team, setTeam] = useState<string | null>(teams[0]?.id ?? null);
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('Europe/London');
  const messages = create.error instanceof ApiError ? fieldMessages(create.error.problem, 'body.') : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    create.mutate(
      { name, kind, teamId: kind === 'team' ? (team ?? undefined) : undefined, timeZone, weekly: kind === 'team' ? weekdays : [] },
      { onSuccess: (calendar) => onCreated(calendar.id) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveFailedAlert error={create.error} fieldMessages={messages} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {canHolidays && (
            <Select
              label={words.kind}
              data={(['team', 'company-holidays'] as const).map((value) => ({ value, label: words.kinds[value] }))}
              value={kind}
              allowDeselect={false}
              onChange={(next) => next && setKind(next as 'team' | 'company-holidays')}
            />
          )}
          {kind === 'team' && (
            <Select label={words.team} required data={teams.map((item) => ({ value: item.id, label: item.name }))} value={team} error={shown(messages.teamId)} onChange={setTeam} />
          )}
          <TextInput label={words.name} required value={name} error={shown(messages.name)} onChange={(event) => setName(event.currentTarget.value)} />
          <TextInput label={words.timeZone} description={words.timeZoneHelp} required value={timeZone} error={shown(messages.timeZone)} onChange={(event) => setTimeZone(event.currentTarget.value)} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {words.createSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /admin/calendars: choose a calendar to change its hours and closures, or create one. */
export function CalendarsPage() {
  const me = useMe();
  const calendars = useCalendars();
  const teams = useTeams();
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const led = new Set(me.data ? leadsTeams(me.data) : []);
  const ownTeams = (teams.data ?? []).filter((team) => me.data?.isAdmin || led.has(team.slug));
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  // A lead sees their own teams' calendars and the company holidays (which only admins change; the API says so).
  const ownTeamIds = new Set(ownTeams.map((team) => team.id));
  const listed = (calendars.data ?? []).filter((calendar) => me.data?.isAdmin || calendar.kind === 'company-holidays' || ownTeamIds.has(calendar.teamId ?? ''));
  const selected = chosen ?? listed[0]?.id ?? null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{words.title}</Title>
          <Text size="sm" c="dimmed">
            {words.intro}
          </Text>
        </div>
        {!creating && <Button onClick={() => setCreating(true)}>{words.create}</Button>}
      </Group>
      {creating && (
        <Card withBorder radius="md">
          <CreateCalendar
            teams={ownTeams}
            canHolidays={me.data?.isAdmin ?? false}
            onCreated={(id) => {
              setCreating(false);
              setChosen(id);
            }}
          />
        </Card>
      )}
      {(calendars.isPending || teams.isPending) && <LoadingState />}
      {calendars.isError && <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />}
      {calendars.isSuccess && listed.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {calendars.isSuccess && listed.length > 0 && (
        <>
          <Select
            label={words.choose}
            data={listed.map((calendar) => ({
              value: calendar.id,
              label: calendar.kind === 'company-holidays' ? `${calendar.name} (${words.kinds['company-holidays']})` : `${calendar.name} (${teamName.get(calendar.teamId ?? '') ?? ''})`,
            }))}
            value={selected}
            allowDeselect={false}
            searchable
            onChange={setChosen}
            maw={420}
          />
          {selected && (
            <Card withBorder radius="md">
              <CalendarDetailPanel key={selected} id={selected} />
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
