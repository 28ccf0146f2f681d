import { Alert, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { MAX_FILE_BYTES, sizeWords } from '../../attachments/file-size.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { useUploadArticleFile } from './api/articles.ts';
import { insertAt, markdownReference } from './markdown-insert.ts';

interface BodyEditorProps {
  body: string;
  onChange: (body: string) => void;
  error?: string | undefined;
  /** Files belong to an article, so they can be uploaded once it exists. */
  slug: string | undefined;
  readOnly: boolean;
}

/** The Markdown text, and an upload whose reference lands where the cursor was. */
export function BodyEditor({ body, onChange, error, slug, readOnly }: BodyEditorProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the cursor was when the file was picked: the file dialog takes the focus away.
  const selection = useRef<{ start: number; end: number }>({ start: body.length, end: body.length });
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = useUploadArticleFile(slug ?? '');

  const remember = () => {
    const box = textarea.current;
    if (box) selection.current = { start: box.selectionStart, end: box.selectionEnd };
  };

  const send = (file: File | null) => {
    if (!file || !slug) return;
    if (file.size > MAX_FILE_BYTES) {
      setNotice({ ok: false, text: en.attachments.tooLarge(sizeWords(MAX_FILE_BYTES)) });
      return;
    }
    setNotice(null);
    upload.mutate(file, {
      onSuccess: (saved) => {
        const { start, end } = selection.current;
        const next = insertAt(textarea.current?.value ?? body, start, end, markdownReference(saved));
        onChange(next.body);
        selection.current = { start: next.cursor, end: next.cursor };
        setNotice({ ok: true, text: words.editor.attached(saved.fileName) });
        // After React has put the new text in the box.
        window.setTimeout(() => {
          textarea.current?.focus();
          textarea.current?.setSelectionRange(next.cursor, next.cursor);
        }, 0);
      },
      onError: (failure) => setNotice({ ok: false, text: `${words.editor.attachFailed} ${errorMessage(failure)}` }),
    });
  };

  return (
    <Stack gap="xs">
      <Textarea
        ref={textarea}
        label={words.editor.body}
        description={words.editor.bodyHint}
        value={body}
        onChange={(event) => onChange(event.currentTarget.value)}
        onSelect={remember}
        onKeyUp={remember}
        onClick={remember}
        error={error}
        readOnly={readOnly}
        autosize
        minRows={14}
        maxRows={40}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {!readOnly && (
        <Group gap="sm">
          <FileButton onChange={send}>
            {(props) => (
              <Button {...props} variant="default" size="xs" disabled={!slug} loading={upload.isPending}>
                {upload.isPending ? words.editor.attaching : words.editor.attach}
              </Button>
            )}
          </FileButton>
          {!slug && (
            <Text size="xs" c="dimmed">
              {words.editor.attachSaveFirst}
            </Text>
          )}
        </Group>
      )}
      {notice && (
        <Alert color={notice.ok ? 'green' : 'red'} role={notice.ok ? 'status' : 'alert'} p="xs">
          {notice.text}
        </Alert>
      )}
    </Stack>
  );
}
