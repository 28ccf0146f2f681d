import { errorWithoutValues, type LoggedError } from '../http/log-safety.ts';

/**
 * A timer's payload may hold what must not reach a log (names, amounts, text). errorWithoutValues
 * already drops a failed query's parameters; PostgreSQL's data exceptions (SQLSTATE class 22, e.g.
 * `invalid input syntax for type integer: "<the value>"`) also quote the value in their message,
 * so theirs is withheld too: the code says what went wrong, the timer's id says where.
 */
export function timerErrorForLog(error: unknown): LoggedError {
  return withheld(errorWithoutValues(error));
}

function withheld(error: LoggedError): LoggedError {
  const quotesValue = typeof error.code === 'string' && error.code.startsWith('22');
  return {
    ...error,
    ...(quotesValue ? { message: `[withheld: data exception ${error.code} quotes the value]` } : {}),
    ...(error.cause ? { cause: withheld(error.cause) } : {}),
  };
}

/** One line per error in the cause chain, for `timers.last_error`. */
export function timerErrorSummary(error: unknown): string {
  const lines: string[] = [];
  for (let current: LoggedError | undefined = timerErrorForLog(error); current; current = current.cause) {
    lines.push(current.code ? `${current.code}: ${current.message}` : current.message);
  }
  return lines.join('\ncaused by ').slice(0, 1000);
}
