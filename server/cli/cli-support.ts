import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called or a refusal to act: the message is all the user needs. */
export class CliRefusal extends Error {}

/** Exit codes: 0 done; 1 failed (see the output); 2 refused or called wrongly, nothing was changed. */
export const EXIT = { ok: 0, failed: 1, refused: 2 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing, so a misspelt flag is refused instead of silently ignored. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliRefusal(`${(error as Error).message}\n\nUsage: ${usage}`);
  }
}
