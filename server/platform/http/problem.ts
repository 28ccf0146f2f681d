import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem } from './errors.ts';

interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export function problemOf(error: AppError, instance?: string): ProblemDocument {
  return {
    // A URN: stable and unique without depending on a web address Hallway may not control.
    type: `urn:hallway:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
    instance,
    errors: error.errors,
    ...error.extensions,
  };
}

export function sendProblem(reply: FastifyReply, error: AppError, request: FastifyRequest): FastifyReply {
  return reply
    .code(error.status)
    .type('application/problem+json')
    .send(problemOf(error, request.url.split('?')[0]));
}

/** Turns whatever went wrong into problem+json; no stack trace ever reaches a client. */
export function translateError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    // Fields are named as clients write them: `query.limit`, not Fastify's `querystring.limit`.
    const where = fastifyError.validationContext === 'querystring' ? 'query' : (fastifyError.validationContext ?? 'body');
    const errors = fastifyError.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      // fastify-type-provider-zod v7 puts the zod issue code in `keyword` and its details in `params`.
      const params = issue.params as { keys?: string[] };
      // Unknown fields: name each one, rather than the object that holds them.
      if (issue.keyword === 'unrecognized_keys' && params.keys) {
        return params.keys.map((key) => ({
          field: [where, path, key].filter(Boolean).join('.'),
          reason: 'is not a known field',
        }));
      }
      return [{ field: [where, path].filter(Boolean).join('.'), reason: issue.message ?? 'is not valid' }];
    });
    const flat = errors.flat();
    return new AppError('VALIDATION_FAILED', flat.map((e) => `${e.field}: ${e.reason}`).join('; '), flat);
  }
  if (isResponseSerializationError(fastifyError)) return new AppError('INTERNAL');
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', fastifyError.message, [{ field: 'body', reason: fastifyError.message }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('VALIDATION_FAILED', 'Content-Length does not match the body');
  }
  if (fastifyError.statusCode === 400 && fastifyError.message?.includes('JSON')) {
    return new AppError('MALFORMED_JSON', fastifyError.message);
  }
  // Any other client error Fastify or a plugin raises stays a client error, not a 500.
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    if (status === 404) return new AppError('NOT_FOUND');
    if (status === 413) return new AppError('BODY_TOO_LARGE');
    if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    return new AppError('BAD_REQUEST', fastifyError.message);
  }
  return new AppError('INTERNAL');
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = translateError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem, request);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, new AppError('NOT_FOUND'), request));
}
