import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCompanyHolidays } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { localNow, upcomingByYear, type HolidayYear } from './holiday-list.ts';

function YearOfHolidays({ year }: { year: HolidayYear }) {
  const headingId = `holidays-${year.year}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {String(year.year)}
      </Title>
      {/* Fixed columns, so the years' tables line up under each other. */}
      <Table striped layout="fixed" aria-labelledby={headingId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="45%">
              {en.holidays.holiday}
            </Table.Th>
            <Table.Th scope="col" w="35%">
              {en.holidays.when}
            </Table.Th>
            <Table.Th scope="col" w="20%">
              {en.holidays.length}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {year.holidays.map((holiday) => (
            <Table.Tr key={holiday.id}>
              <Table.Td>{holiday.name}</Table.Td>
              <Table.Td>{holiday.when}</Table.Td>
              <Table.Td>{holiday.days === null ? en.holidays.part : en.holidays.days(holiday.days)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The company holiday calendar: the closures still ahead, by year, each with its day of the week. */
export function HolidaysPage() {
  const calendar = useCompanyHolidays();
  const years = calendar.data ? upcomingByYear(calendar.data.closures, localNow(calendar.data.timeZone)) : [];

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{en.holidays.title}</Title>
      {calendar.isPending && <LoadingState />}
      {calendar.isError && <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.isSuccess && calendar.data === null && <EmptyState>{en.holidays.none}</EmptyState>}
      {calendar.data && (
        <>
          <Stack gap={4}>
            <Text>{en.holidays.intro(calendar.data.name)}</Text>
            <Text size="sm" c="dimmed">
              {en.holidays.timeZone(calendar.data.timeZone)}{' '}
              {en.holidays.teamHours}{' '}
              {/* Underlined: a link inside a sentence must not rely on colour alone. */}
              <Anchor component={Link} to="/" underline="always">
                {en.holidays.toCatalog}
              </Anchor>
            </Text>
          </Stack>
          {years.length === 0 ? <EmptyState>{en.holidays.noneAhead}</EmptyState> : years.map((year) => <YearOfHolidays key={year.year} year={year} />)}
        </>
      )}
    </Stack>
  );
}
