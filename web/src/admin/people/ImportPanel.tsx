import { Alert, Button, Checkbox, FileInput, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { useImportPeople } from '../api/people.ts';
import { importLineProblems, lineOf } from './import-report.ts';

const words = en.admin.csv;

/** The directory from a CSV file: pasted or chosen, checked whole by the API, its problems listed by line. */
export function ImportPanel() {
  const importPeople = useImportPeople();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [readFailed, setReadFailed] = useState(false);
  const [empty, setEmpty] = useState(false);

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setReadFailed(false);
    if (!chosen) return;
    chosen.text().then(setCsv, () => setReadFailed(true));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(csv.trim() === '');
    if (csv.trim() === '') return;
    importPeople.mutate({ csv, skipInvalid });
  };

  const refusal = importPeople.error instanceof ApiError && importPeople.error.code === 'IMPORT_HAS_ERRORS' ? importLineProblems(importPeople.error.problem) : null;
  // The lines as they were sent: the author may edit the text while reading the report.
  const sentCsv = importPeople.variables?.csv ?? csv;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{words.intro}</Text>
        <FileInput label={words.file} accept=".csv,text/csv" clearable value={file} onChange={chooseFile} error={readFailed ? words.readFailed : undefined} maw={420} />
        <Textarea
          label={words.text}
          autosize
          minRows={6}
          maxRows={18}
          value={csv}
          error={empty ? words.empty : undefined}
          onChange={(event) => setCsv(event.currentTarget.value)}
          styles={{ input: { fontFamily: 'monospace' } }}
          spellCheck={false}
        />
        <Checkbox label={words.skipInvalid} checked={skipInvalid} onChange={(event) => setSkipInvalid(event.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={importPeople.isPending}>
            {words.submit}
          </Button>
        </Group>
        {importPeople.isSuccess && (
          <Alert color="green" role="status" title={words.done(importPeople.data.created, importPeople.data.updated)}>
            {importPeople.data.skipped.length > 0 && (
              <>
                <Text size="sm">{words.skipped(importPeople.data.skipped.length)}</Text>
                <List size="sm">
                  {importPeople.data.skipped.map((item) => (
                    <List.Item key={`${item.line}:${item.reason}`}>{`${words.line} ${item.line}: ${item.reason}`}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
        {importPeople.isError && !refusal && (
          <Alert color="red" role="alert" title={importPeople.error instanceof ApiError && importPeople.error.status === 403 ? en.admin.forbidden : en.states.errorTitle}>
            {errorMessage(importPeople.error)}
          </Alert>
        )}
        {refusal && (
          <Alert color="red" role="alert" title={words.refused(refusal.length)}>
            <Table.ScrollContainer minWidth={480}>
              <Table data-testid="import-report">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{words.line}</Table.Th>
                    <Table.Th>{words.content}</Table.Th>
                    <Table.Th>{words.reason}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {refusal.map((item, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{item.line}</Table.Td>
                      <Table.Td ff="monospace">{lineOf(sentCsv, item.line)}</Table.Td>
                      <Table.Td>{item.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        )}
      </Stack>
    </form>
  );
}
