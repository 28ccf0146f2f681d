export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.HALLWAY_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`HALLWAY_TEST_DB must be pglite or postgres, not ${kind}`);
  return kind;
}

/** The PostgreSQL server the suite uses: trust auth on this machine and in CI. No trailing slash. */
const serverBase = (process.env.HALLWAY_TEST_SERVER ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');

export function testServerUrl(database: string): string {
  return `${serverBase}/${database}`;
}
