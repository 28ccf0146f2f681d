import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/http/errors.ts';
import { MAX_ATTACHMENT_BYTES, servedContentType } from './attachments.policy.ts';
import { articleFileView, articleSlugParams, attachmentIdParams, attachmentList, attachmentView, requestKeyParams } from './attachments.schema.ts';
import { attachToArticle, attachToRequest, describeAttachment, listRequestAttachments, openAttachment, tooLarge, uploadFile, type ReceivedFile } from './attachments.service.ts';

const visibilityField = z.enum(['public', 'internal']);

// Files in and out. Multipart parsing is registered here only, so no other route takes it.
export function attachmentRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    await app.register(fastifyMultipart, {
      // One file per call, a couple of small fields, nothing else: a body that tries more is refused.
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 100, headerPairs: 50 },
    });
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['attachments'];
    const multipart = 'Send multipart/form-data with one part named `file` (at most 20 MiB).';

    routes.post(
      '/uploads',
      {
        schema: {
          tags,
          summary: "Upload a file to use as a service form's file answer",
          description: `${multipart} The upload is yours alone until a request filed through a service names its id as a file answer; unused, it is deleted after a day.`,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { file } = await receive(request);
        return reply.code(201).send(await uploadFile(db, actor, file));
      },
    );

    routes.post(
      '/requests/:key/attachments',
      {
        schema: {
          tags,
          summary: "Add a file to a request's timeline",
          description: `${multipart} A part \`visibility\` (public, the default, or internal for the team's agents), before or after the file.`,
          consumes: ['multipart/form-data'],
          params: requestKeyParams,
          response: { 201: attachmentView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { file, fields } = await receive(request);
        const visibility = visibilityField.safeParse(fields.visibility ?? 'public');
        if (!visibility.success) throw new AppError('VALIDATION_FAILED', 'body.visibility: must be public or internal', [{ field: 'body.visibility', reason: 'must be public or internal' }]);
        return reply.code(201).send(await attachToRequest(db, actor, request.params.key, visibility.data, file));
      },
    );

    routes.post(
      '/articles/:slug/attachments',
      {
        schema: {
          tags,
          summary: 'Add a file (an image, a short video) to an article (agents of its team, admins)',
          description: `${multipart} Readable by whoever may read the article; show it in the Markdown by its url, e.g. \`![alt](url)\`.`,
          consumes: ['multipart/form-data'],
          params: articleSlugParams,
          response: { 201: articleFileView },
        },
      },
      async (request, reply) => {
        const { file, fields } = await receive(request);
        if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'body: send only the file part', [{ field: `body.${Object.keys(fields)[0]}`, reason: 'is not a part this upload takes' }]);
        return reply.code(201).send(await attachToArticle(db, requireActor(request), request.params.slug, file));
      },
    );

    routes.get(
      '/requests/:key/attachments',
      { schema: { tags, summary: "A request's files you may open", params: requestKeyParams, response: { 200: attachmentList } } },
      async (request) => listRequestAttachments(db, requireActor(request), request.params.key),
    );

    routes.get(
      '/attachments/:id',
      { schema: { tags, summary: "A file's name, type and size (whoever may open it)", params: attachmentIdParams, response: { 200: attachmentView } } },
      async (request) => describeAttachment(db, requireActor(request), request.params.id),
    );

    routes.get(
      '/attachments/:id/content',
      {
        schema: {
          tags,
          summary: "A file's bytes, always as a download",
          description: 'Sent with Content-Disposition: attachment; only images, PDF and plain text keep their type, anything else is application/octet-stream.',
          params: attachmentIdParams,
        },
      },
      async (request, reply) => {
        const { meta, content } = await openAttachment(db, requireActor(request), request.params.id);
        return reply
          .header('content-type', servedContentType(meta.contentType))
          .header('content-disposition', contentDisposition(meta.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(content);
      },
    );
  };
}

/**
 * The one file part and the small fields, read to the end of the body before anything is decided:
 * a part after the file (an internal visibility, a second file) must count, however the body was
 * split on its way here.
 */
async function receive(request: FastifyRequest): Promise<{ file: ReceivedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data with a part named "file"', [
      { field: 'headers.content-type', reason: 'must be multipart/form-data' },
    ]);
  }
  let file: ReceivedFile | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        // Two visibilities could only be settled by guessing which one the sender meant.
        if (Object.hasOwn(fields, part.fieldname)) {
          throw new AppError('VALIDATION_FAILED', `body.${part.fieldname}: must be sent once`, [{ field: `body.${part.fieldname}`, reason: 'must be sent once' }]);
        }
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'body.file: the file part must be named "file"', [{ field: 'body.file', reason: 'is required (a part named "file")' }]);
      file = { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer() };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('VALIDATION_FAILED', 'body: send one file and at most the visibility field', [{ field: 'body', reason: 'has too many parts' }]);
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw missingFile();
    throw new AppError('BAD_REQUEST', 'The multipart body cannot be read', [{ field: 'body', reason: 'is not a readable multipart/form-data body' }]);
  }
  if (!file) throw missingFile();
  return { file, fields };
}

const missingFile = () => new AppError('VALIDATION_FAILED', 'body.file: send the file in a part named "file"', [{ field: 'body.file', reason: 'is required' }]);

/** RFC 6266: an ASCII fallback name and the exact UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
