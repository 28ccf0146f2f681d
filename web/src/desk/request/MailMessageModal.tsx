import { Alert, Code, List, Modal, Stack, Text } from '@mantine/core';
import { sizeWords } from '../../attachments/file-size.ts';
import { FactGrid } from '../../components/FactGrid.tsx';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useMailMessages } from '../api/request-mail-queries.ts';
import { senderWords, type MailMessage } from './request-mail.ts';

interface MailMessageModalProps {
  requestKey: string;
  /** The message to show; null keeps the dialog closed. */
  messageId: string | null;
  onClose: () => void;
}

/** One filed mail whole (quoted history and signature too), loaded when first opened. */
export function MailMessageModal({ requestKey, messageId, onClose }: MailMessageModalProps) {
  const words = en.desk.request.mail;
  const messages = useMailMessages(requestKey, messageId !== null);
  const message = messages.data?.find((candidate) => candidate.id === messageId);
  return (
    <Modal opened={messageId !== null} onClose={onClose} title={words.title} size="xl" closeButtonProps={{ 'aria-label': words.close }}>
      {messages.isPending && <LoadingState />}
      {messages.isError && <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.isSuccess && (message ? <MailMessageView message={message} /> : <Text c="dimmed">{words.missing}</Text>)}
    </Modal>
  );
}

function MailMessageView({ message }: { message: MailMessage }) {
  const words = en.desk.request.mail;
  const facts: [string, string][] = [
    [words.from, senderWords(message.from) ?? '—'],
    [words.subject, message.subject || words.noSubject],
    [words.received, dateTimeWords(message.receivedAt)],
  ];
  return (
    <Stack gap="sm">
      <FactGrid facts={facts} />
      {message.attachments.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" id={`mail-files-${message.id}`}>
            {words.attachments}
          </Text>
          <List size="sm" aria-labelledby={`mail-files-${message.id}`}>
            {message.attachments.map((file, index) => (
              <List.Item key={`${index}-${file.fileName}`}>{`${file.fileName} (${sizeWords(file.sizeBytes)})`}</List.Item>
            ))}
          </List>
        </div>
      )}
      {message.unreadable !== null && <Alert color="yellow">{words.unreadable(message.unreadable)}</Alert>}
      {message.textTruncated && <Alert color="blue">{words.truncated}</Alert>}
      {/* Plain text as React children: escaped, never interpreted as HTML. */}
      <Code block aria-label={words.text} tabIndex={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '60vh', overflowY: 'auto' }}>
        {message.text}
      </Code>
    </Stack>
  );
}
