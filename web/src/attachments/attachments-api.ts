import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../api/client.ts';

/** A file as the API shows it (server/modules/attachments/attachments.schema.ts). */
export interface Attachment {
  id: string;
  requestKey: string | null;
  visibility: 'public' | 'internal';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string; name: string };
  createdAt: string;
  contentUrl: string;
}

// Under ['request', key] so a live update about the request refreshes its files too.
export const attachmentKeys = {
  ofRequest: (key: string) => ['request', key, 'attachments'] as const,
};

const path = encodeURIComponent;

function formWith(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  // Small fields first: the API reads only those sent before the file.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return form;
}

export function useRequestAttachments(key: string) {
  return useQuery({
    queryKey: attachmentKeys.ofRequest(key),
    queryFn: ({ signal }) => callApi<{ items: Attachment[] }>(`/requests/${path(key)}/attachments`, { signal }),
  });
}

/** Adds a file to a request's timeline; its files and its timeline are read again. */
export function useAttachToRequest(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, visibility }: { file: File; visibility: 'public' | 'internal' }) =>
      callApi<Attachment>(`/requests/${path(key)}/attachments`, { method: 'POST', body: formWith(file, { visibility }) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['request', key] }),
  });
}

/** Uploads a file for a form's file answer; the answer is the upload's id. */
export function useUploadForAnswer() {
  return useMutation({
    mutationFn: (file: File) => callApi<Attachment>('/uploads', { method: 'POST', body: formWith(file) }),
  });
}
