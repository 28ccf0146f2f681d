import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

// Multipart bodies for inject(): built by the platform's own FormData and Request, so the test
// sends exactly what a browser's fetch would.

export interface FilePart {
  name?: string;
  type?: string;
  content: Buffer | string;
  /** The part's field name; "file" unless a test checks another. */
  field?: string;
}

export async function multipart(file: FilePart | undefined, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    form.append(file.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: file.type ?? 'text/plain' }), file.name ?? 'note.txt');
  }
  const request = new Request('http://hallway.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

export async function postFile(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  file: FilePart | undefined,
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = await multipart(file, fields);
  return app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
}
