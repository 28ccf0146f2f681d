/**
 * What an error may put in the log. A failed query's message carries its parameters (a session's
 * token hash, a password hash, a comment's body), and a database error's `detail` quotes row values:
 * the log keeps the error's kind, code, SQL text and stack frames, never the values.
 */
export interface LoggedError {
  [member: string]: unknown;
  type: string;
  message: string;
  code?: string;
  stack: string;
  cause?: LoggedError;
}

const PARAMETERS = /\nparams:[\s\S]*$/;

export function errorWithoutValues(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]', stack: '' };
  const message = error.message.replace(PARAMETERS, '\nparams: [redacted]');
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  return {
    type: error.name,
    message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: frames,
    ...(error.cause !== undefined && depth < 3 ? { cause: errorWithoutValues(error.cause, depth + 1) } : {}),
  };
}

/** Pino options for every Hallway logger: the error serializer above and a level. */
export function loggerOptions(level: string) {
  return { level, serializers: { err: errorWithoutValues } };
}
