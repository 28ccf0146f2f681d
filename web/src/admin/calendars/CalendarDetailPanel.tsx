import { ActionIcon, Alert, Badge, Button, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useAddClosure, useCalendar, useRemoveClosure, useUpdateCalendar } from '../api/calendars.ts';
import type { CalendarDetail } from '../api/types.ts';
import { intervalsFromText, weekdayOfInterval, weekdays, weekText } from './weekly-hours.ts';
import { SaveFailedAlert } from '../components/SaveFailedAlert.tsx';

const words = en.admin.calendars;
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

function HoursForm({ calendar }: { calendar: CalendarDetail }) {
  const update = useUpdateCalendar(calendar.id);
  const [name, setName] = useState(calendar.name);
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [week, setWeek] = useState(() => weekText(calendar.weekly));
  const parsed = intervalsFromText(week);
  const [sent, setSent] = useState(parsed.intervals);
  const messages = update.error instanceof ApiError ? fieldMessages(update.error.problem, 'body.') : {};
  // The API names a bad interval by its position in what was sent; it is shown on that interval's day.
  const dayProblems: Record<number, string[]> = {};
  for (const item of update.error instanceof ApiError ? (update.error.problem.errors ?? []) : []) {
    const match = /^body\.weekly\.(\d+)/.exec(item.field);
    const day = match ? weekdayOfInterval(sent, Number(match[1])) : undefined;
    if (day) (dayProblems[day] ??= []).push(item.reason);
  }
  for (const problem of parsed.problems) (dayProblems[problem.weekday] ??= []).push(words.notARange(problem.part));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed.problems.length > 0) return;
    setSent(parsed.intervals);
    update.mutate({ name, timeZone, weekly: parsed.intervals });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveFailedAlert error={update.error} fieldMessages={messages} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={words.name} required value={name} error={shown(messages.name)} onChange={(event) => setName(event.currentTarget.value)} />
          <TextInput label={words.timeZone} description={words.timeZoneHelp} required value={timeZone} error={shown(messages.timeZone)} onChange={(event) => setTimeZone(event.currentTarget.value)} />
        </SimpleGrid>
        {calendar.kind === 'team' && (
          <>
            <Text size="sm" fw={500}>
              {words.week}
            </Text>
            <Text size="xs" c="dimmed">
              {words.weekHelp}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {weekdays.map((day) => (
                <TextInput
                  key={day}
                  label={words.weekdays[day]}
                  value={week[day] ?? ''}
                  placeholder="09:00-17:00"
                  error={dayProblems[day]?.map((reason) => en.form.fieldMessage(reason)).join('; ')}
                  onChange={(event) => setWeek({ ...week, [day]: event.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
          </>
        )}
        {update.isSuccess && (
          <Alert color="green" role="status">
            {words.saved}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {words.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Closures({ calendar }: { calendar: CalendarDetail }) {
  const add = useAddClosure(calendar.id);
  const remove = useRemoveClosure(calendar.id);
  const [name, setName] = useState('');
  // Whole days (a holiday) or a range of hours on the calendar's clock (an afternoon's closure).
  const [span, setSpan] = useState<'days' | 'hours'>('days');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const messages = add.error instanceof ApiError ? fieldMessages(add.error.problem, 'body.') : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      span === 'days' ? { name, startsOn: from, endsOn: to || from } : { name, startsAt: from, endsAt: to },
      {
        onSuccess: () => {
          setName('');
          setFrom('');
          setTo('');
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      {calendar.closures.length === 0 ? (
        <EmptyState>{words.noClosures}</EmptyState>
      ) : (
        <Table>
          <Table.Tbody>
            {[...calendar.closures]
              .sort((a, b) => ('startsOn' in a ? a.startsOn : a.startsAt).localeCompare('startsOn' in b ? b.startsOn : b.startsAt))
              .map((closure) => (
                <Table.Tr key={closure.id}>
                  <Table.Td>{closure.name}</Table.Td>
                  <Table.Td>{'startsOn' in closure ? words.wholeDays(closure.startsOn, closure.endsOn) : words.range(closure.startsAt, closure.endsAt)}</Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon variant="light" color="red" size="lg" aria-label={words.removeClosure(closure.name)} onClick={() => remove.mutate(closure.id)}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
      {remove.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
      <form onSubmit={onSubmit} noValidate>
        <SegmentedControl
          mb="xs"
          aria-label={words.span}
          value={span}
          onChange={(next) => {
            setSpan(next as 'days' | 'hours');
            setFrom('');
            setTo('');
          }}
          data={[
            { value: 'days', label: words.spanDays },
            { value: 'hours', label: words.spanHours },
          ]}
        />
        <Group align="flex-start">
          <TextInput label={words.closureName} required value={name} error={shown(messages.name)} onChange={(event) => setName(event.currentTarget.value)} />
          {span === 'days' ? (
            <>
              <TextInput label={words.closureFrom} type="date" required value={from} error={shown(messages.startsOn)} onChange={(event) => setFrom(event.currentTarget.value)} />
              <TextInput label={words.closureTo} type="date" value={to} error={shown(messages.endsOn)} onChange={(event) => setTo(event.currentTarget.value)} />
            </>
          ) : (
            <>
              <TextInput label={words.closureStartsAt} type="datetime-local" required value={from} error={shown(messages.startsAt)} onChange={(event) => setFrom(event.currentTarget.value)} />
              <TextInput label={words.closureEndsAt} type="datetime-local" required value={to} error={shown(messages.endsAt)} onChange={(event) => setTo(event.currentTarget.value)} />
            </>
          )}
          <Button type="submit" mt={25} loading={add.isPending}>
            {words.addClosure}
          </Button>
        </Group>
        {add.isError && Object.keys(messages).length === 0 && (
          <Text size="sm" c="red" role="alert" mt="xs">
            {add.error instanceof ApiError && add.error.status === 403 ? en.admin.forbidden : errorMessage(add.error)}
          </Text>
        )}
      </form>
    </Stack>
  );
}

/** One calendar: its name, zone and week, and its closures. */
export function CalendarDetailPanel({ id }: { id: string }) {
  const calendar = useCalendar(id);
  if (calendar.isPending) return <LoadingState />;
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Title order={2} size="h3">
          {calendar.data.name}
        </Title>
        <Badge variant="light" color={calendar.data.openNow ? 'green' : 'gray'}>
          {calendar.data.openNow ? words.openNow : words.closedNow}
        </Badge>
      </Group>
      <HoursForm key={calendar.data.id} calendar={calendar.data} />
      <Title order={3} size="h4">
        {words.closures}
      </Title>
      <Closures calendar={calendar.data} />
    </Stack>
  );
}
