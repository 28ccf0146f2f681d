import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import { acquireDataDirLock } from '../platform/db/data-dir-lock.ts';
import { pgliteExtensions } from '../platform/db/database.ts';
import { CliRefusal, EXIT, parseCommandArgs } from './cli-support.ts';

const LOCK_FILE = 'hallway.lock';
const serverDatabaseAdvice =
  'Hallway uses a PostgreSQL server here (DATABASE_URL): back it up and restore it with that server\'s own tools, ' +
  'for example `pg_dump --format=custom --file=hallway.dump "$DATABASE_URL"` and ' +
  '`pg_restore --clean --if-exists --dbname="$DATABASE_URL" hallway.dump`.';

function embeddedDataDir(config: Config): string {
  if (config.database.kind === 'postgres') throw new CliRefusal(serverDatabaseAdvice);
  return config.database.dataDir;
}

const holdsDatabase = (dataDir: string) => existsSync(path.join(dataDir, 'PG_VERSION'));

/** `hallway backup <file>`: a gzipped tarball of the embedded data folder, taken while nothing else has it open. */
export async function backupCommand(config: Config, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'hallway backup <file.tar.gz>');
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliRefusal('Usage: hallway backup <file.tar.gz>');
  const dataDir = embeddedDataDir(config);
  if (!holdsDatabase(dataDir)) throw new CliRefusal(`There is no Hallway database in ${dataDir} to back up.`);
  // The lock keeps a server out while we read, so the copy is of a database at rest, not mid-write.
  const lock = await acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(dataDir, { extensions: pgliteExtensions });
    try {
      const tarball = await client.dumpDataDir('gzip');
      // Write beside the target and rename, so a failed backup never leaves a truncated file under its name.
      const partial = `${file}.partial`;
      await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
      await rename(partial, file);
    } finally {
      await client.close();
    }
  } finally {
    await lock.release();
  }
  const { size } = await stat(file);
  console.log(`Backed up ${dataDir} to ${file} (${(size / 1_048_576).toFixed(1)} MiB).`);
  return EXIT.ok;
}

/**
 * `hallway restore <file> [--force]`: loads a backup into the embedded data folder. The backup is
 * first loaded into a folder beside it and checked, so a bad file never touches the current
 * database; with --force the database it replaces is kept aside, not deleted.
 */
export async function restoreCommand(config: Config, args: string[]): Promise<number> {
  const usage = 'hallway restore <file.tar.gz> [--force]';
  const { positionals, values } = parseCommandArgs(args, { force: { type: 'boolean' } }, usage);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliRefusal(`Usage: ${usage}`);
  const dataDir = embeddedDataDir(config);
  if (!existsSync(file)) throw new CliRefusal(`No backup file at ${file}.`);

  const lock = await acquireDataDirLock(dataDir);
  const staging = `${dataDir}.restoring-${process.pid}`;
  try {
    if (holdsDatabase(dataDir) && !values.force) {
      throw new CliRefusal(
        `${dataDir} already holds a Hallway database. Restoring would replace it: run again with --force ` +
          '(the current database is then kept aside in a folder next to it).',
      );
    }
    await rm(staging, { recursive: true, force: true });
    const people = await loadAndCheck(staging, await readFile(file));
    if (people === undefined) {
      throw new CliRefusal(`${file} is not a Hallway backup (PGlite could not load it, or it has no Hallway tables).`);
    }
    let keptAside: string | undefined;
    if (holdsDatabase(dataDir)) {
      keptAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await moveEntries(dataDir, keptAside);
    }
    await moveEntries(staging, dataDir);
    console.log(`Restored ${file} into ${dataDir} (${people} people).`);
    if (keptAside) console.log(`The database it replaced is kept in ${keptAside}; delete it once you are satisfied.`);
    return EXIT.ok;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

/** Loads the tarball into a fresh folder and counts people, or returns undefined if it is unusable. */
async function loadAndCheck(folder: string, tarball: Buffer): Promise<number | undefined> {
  let client: PGlite | undefined;
  try {
    client = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([new Uint8Array(tarball)]), extensions: pgliteExtensions });
    const result = await client.query<{ count: number }>('select count(*)::int as count from people');
    return result.rows[0]?.count;
  } catch {
    return undefined;
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/** Moves a data folder's contents (never its lock file, which guards the folder the whole time). */
async function moveEntries(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from)) {
    if (entry === LOCK_FILE) continue;
    await rename(path.join(from, entry), path.join(to, entry));
  }
}
