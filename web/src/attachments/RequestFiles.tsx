import { Alert, Button, FileButton, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../components/error-message.ts';
import { ErrorState, LoadingState } from '../components/PageState.tsx';
import { en } from '../i18n/en.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { useAttachToRequest, useRequestAttachments } from './attachments-api.ts';
import { MAX_FILE_BYTES, sizeWords } from './file-size.ts';

interface RequestFilesProps {
  requestKey: string;
  /** Agents of the team may also attach files only the team sees. */
  canAttachInternal?: boolean;
  /** A closed request takes no more files. */
  canAttach?: boolean;
}

/** A request's files and the buttons to add one: used by the portal and the desk alike. */
export function RequestFiles({ requestKey, canAttachInternal = false, canAttach = true }: RequestFilesProps) {
  const files = useRequestAttachments(requestKey);
  const attach = useAttachToRequest(requestKey);
  const [tooLarge, setTooLarge] = useState(false);

  const send = (file: File | null, visibility: 'public' | 'internal') => {
    if (!file) return;
    setTooLarge(file.size > MAX_FILE_BYTES);
    if (file.size > MAX_FILE_BYTES) return;
    attach.mutate({ file, visibility });
  };

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {en.attachments.title}
      </Title>
      {files.isPending ? (
        <LoadingState />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : (
        <AttachmentList items={files.data.items} />
      )}
      {canAttach && (
        <Group gap="xs">
          <FileButton onChange={(file) => send(file, 'public')}>
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={attach.isPending && attach.variables?.visibility === 'public'}>
                {en.attachments.attach}
              </Button>
            )}
          </FileButton>
          {canAttachInternal && (
            <FileButton onChange={(file) => send(file, 'internal')}>
              {(props) => (
                <Button {...props} variant="default" size="xs" loading={attach.isPending && attach.variables?.visibility === 'internal'}>
                  {en.attachments.attachInternal}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
      )}
      {tooLarge && <Alert color="red">{en.attachments.tooLarge(sizeWords(MAX_FILE_BYTES))}</Alert>}
      {attach.isError && (
        <Alert color="red" title={en.attachments.failed}>
          {errorMessage(attach.error)}
        </Alert>
      )}
    </Stack>
  );
}
