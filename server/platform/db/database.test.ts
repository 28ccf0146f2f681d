import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../test/support/test-database-kind.ts';
import { DEFAULT_EMBEDDED_SHARED_BUFFERS, openDatabase } from './database.ts';

// Opening a data folder runs PGlite's initdb: one slow test, so only in the PGlite run.
describe.skipIf(testDatabaseKind() !== 'pglite')('the embedded database', () => {
  const folders: string[] = [];
  const newFolder = async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'hallway-db-'));
    folders.push(folder);
    return path.join(folder, 'data');
  };
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('runs with the configured buffer cache, and the small default otherwise', async () => {
    const dataDir = await newFolder();
    const sized = await openDatabase({ kind: 'pglite', dataDir, sharedBuffers: '16MB' });
    expect(await sized.rows(sql`show shared_buffers`)).toEqual([{ shared_buffers: '16MB' }]);
    await sized.close();

    const defaulted = await openDatabase({ kind: 'pglite', dataDir });
    expect(await defaulted.rows(sql`show shared_buffers`)).toEqual([{ shared_buffers: DEFAULT_EMBEDDED_SHARED_BUFFERS }]);
    await defaulted.close();
  });
});
