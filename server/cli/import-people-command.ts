import { readFile } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { AppError } from '../platform/http/errors.ts';
import { importPeopleCsv } from '../modules/people/people-import.ts';
import { CliRefusal, EXIT, parseCommandArgs } from './cli-support.ts';

const usage = 'hallway import-people <file.csv> [--skip-invalid]';

/**
 * `hallway import-people`: the same import as the admin screen. Every bad line is printed with its
 * number, so the file can be fixed in one round; without --skip-invalid one bad line stops it all.
 */
export async function importPeopleCommand(config: Config, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, { 'skip-invalid': { type: 'boolean' } }, usage);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliRefusal(`Usage: ${usage}`);
  let csvText: string;
  try {
    csvText = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliRefusal(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  const database = await openDatabase(config.database, { maxConnections: 3 });
  try {
    await runMigrations(database);
    const summary = await importPeopleCsv(database.db, csvText, { skipInvalid: values['skip-invalid'] === true });
    for (const problem of summary.skipped) console.error(`${file}: line ${problem.line}: ${problem.reason} (skipped)`);
    const imported = summary.created + summary.updated;
    console.log(`Imported ${file}: ${summary.created} created, ${summary.updated} updated, ${summary.skipped.length} skipped.`);
    return imported === 0 && summary.skipped.length > 0 ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'IMPORT_HAS_ERRORS') throw error;
    // The field is "line N" for a line of the file.
    for (const problem of error.errors ?? []) console.error(`${file}: ${problem.field}: ${problem.reason}`);
    console.error(`${error.message}. Fix these lines, or run again with --skip-invalid to import the good ones.`);
    return EXIT.failed;
  } finally {
    await database.close();
  }
}
