import { Anchor, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { callApi } from '../api/client.ts';
import { en } from '../i18n/en.ts';
import type { Attachment } from './attachments-api.ts';
import { sizeWords } from './file-size.ts';

/** A form's file answer, which names only the upload's id: its name and size as a download link. */
export function AttachmentLink({ id }: { id: string }) {
  const file = useQuery({
    queryKey: ['attachments', id],
    queryFn: ({ signal }) => callApi<Attachment>(`/attachments/${encodeURIComponent(id)}`, { signal }),
    staleTime: Infinity,
  });
  if (file.isPending) return <Skeleton height={16} width={160} />;
  // A file since deleted, or one the reader may not open: the id is all there is to show.
  if (file.isError) return <Text span c="dimmed">{id}</Text>;
  return (
    <Anchor href={file.data.contentUrl} download={file.data.fileName} aria-label={en.attachments.download(file.data.fileName)}>
      {`${file.data.fileName} (${sizeWords(file.data.size)})`}
    </Anchor>
  );
}
