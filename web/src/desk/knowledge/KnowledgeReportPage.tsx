import { Alert, Box, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { useContentGaps, useDeflectionReport } from './api/reports.ts';
import type { DeflectionRow } from './api/types.ts';
import { lastDays, periodChoices, periodDaysFrom, rateWords } from './report-period.ts';
import { useDeskTeam } from './use-desk-team.ts';

const report = words.report;

/**
 * A wide table scrolls sideways on a phone inside its own box, which takes the keyboard focus (and
 * is named), so the columns out of sight can be reached without a mouse.
 */
function ScrollingTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

function DeflectionCells({ row }: { row: DeflectionRow }) {
  return (
    <>
      <Table.Td ta="right">{row.solved}</Table.Td>
      <Table.Td ta="right">{row.submittedAfterReading}</Table.Td>
      <Table.Td ta="right">{row.filed}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {rateWords(row.rate, report.noRate)}
      </Table.Td>
    </>
  );
}

function DeflectionHead({ first }: { first: string }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        <Table.Th scope="col" ta="right">{report.solved}</Table.Th>
        <Table.Th scope="col" ta="right">{report.submittedAfterReading}</Table.Th>
        <Table.Th scope="col" ta="right">{report.filed}</Table.Th>
        <Table.Th scope="col" ta="right">{report.rate}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

function DeflectionSection({ teamId, from, to }: { teamId: string; from: string; to: string }) {
  const deflection = useDeflectionReport(teamId, from, to);
  const data = deflection.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="deflection-title">
      <Title order={2} size="h3" id="deflection-title" mb={4}>
        {report.deflection}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {report.deflectionIntro}
      </Text>
      {deflection.isPending && <Skeleton height={120} />}
      {deflection.isError && <ErrorState error={deflection.error} onRetry={() => void deflection.refetch()} />}
      {data && (
        <Stack gap="md">
          <ScrollingTable label={report.byTeam} minWidth={560}>
            <Table data-testid="deflection-teams">
              <DeflectionHead first={report.team} />
              <Table.Tbody>
                {data.teams.map((row) => (
                  <Table.Tr key={row.teamId}>
                    <Table.Th scope="row">{row.teamName}</Table.Th>
                    <DeflectionCells row={row} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollingTable>
          {data.services.length === 0 ? (
            <Text size="sm" c="dimmed">
              {report.noServices}
            </Text>
          ) : (
            <ScrollingTable label={report.byService} minWidth={560}>
              <Table striped data-testid="deflection-services">
                <DeflectionHead first={report.service} />
                <Table.Tbody>
                  {data.services.map((row) => (
                    <Table.Tr key={row.serviceId}>
                      <Table.Th scope="row">{row.serviceName}</Table.Th>
                      <DeflectionCells row={row} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollingTable>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function GapsSection({ teamId, from, to }: { teamId: string; from: string; to: string }) {
  const gaps = useContentGaps(teamId, from, to);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="gaps-title">
      <Title order={2} size="h3" id="gaps-title" mb={4}>
        {report.gaps}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {report.gapsIntro}
      </Text>
      {gaps.isPending && <Skeleton height={120} />}
      {gaps.isError && <ErrorState error={gaps.error} onRetry={() => void gaps.refetch()} />}
      {gaps.isSuccess && gaps.data.length === 0 && <Text c="dimmed">{report.noGaps}</Text>}
      {gaps.isSuccess && gaps.data.length > 0 && (
        <ScrollingTable label={report.gaps} minWidth={720}>
          <Table striped data-testid="content-gaps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{report.wording}</Table.Th>
                <Table.Th scope="col" ta="right">{report.searches}</Table.Th>
                <Table.Th scope="col" ta="right">{report.noResults}</Table.Th>
                <Table.Th scope="col" ta="right">{report.requestedAnyway}</Table.Th>
                <Table.Th scope="col">{report.lastSearched}</Table.Th>
                <Table.Th scope="col">{report.examples}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gaps.data.map((group) => (
                <Table.Tr key={group.wording}>
                  <Table.Th scope="row">{group.wording}</Table.Th>
                  <Table.Td ta="right">{group.searches}</Table.Td>
                  <Table.Td ta="right">{group.noResults}</Table.Td>
                  <Table.Td ta="right">{group.requestedAnyway}</Table.Td>
                  <Table.Td>{dateTimeWords(group.lastSearchedAt)}</Table.Td>
                  <Table.Td>{group.examples.map((example) => report.example(example.query, example.count)).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollingTable>
      )}
    </Paper>
  );
}

/** /desk/:team/knowledge-report: for the team's leads, how often articles answered and what is missing. */
export function KnowledgeReportPage() {
  const { team: slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const days = periodDaysFrom(search.get('days'));
  // The period is read once per choice: a report open past midnight keeps the days it was opened on.
  const period = useMemo(() => lastDays(days), [days]);
  const { team, isLead, isPending, isMissing, error } = useDeskTeam(slug);

  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (isMissing || !team) return <EmptyState>{en.states.notFound}</EmptyState>;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{report.title(team.name)}</Title>
          <Text size="sm" c="dimmed">
            {report.range(period.from, period.to)}
          </Text>
        </Stack>
        <Select
          label={report.period}
          data={periodChoices.map((choice) => ({ value: String(choice), label: report.periods[choice] ?? String(choice) }))}
          value={String(days)}
          onChange={(value) => value && setSearch({ days: value }, { replace: true })}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {!isLead ? (
        <Alert color="gray" role="status">
          {report.leadsOnly}
        </Alert>
      ) : (
        <>
          <DeflectionSection teamId={team.id} from={period.from} to={period.to} />
          <GapsSection teamId={team.id} from={period.from} to={period.to} />
        </>
      )}
    </Stack>
  );
}
