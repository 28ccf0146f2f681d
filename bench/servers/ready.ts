/** Bench servers announce themselves with one line on stdout that the runner waits for. */
export function announceReady(details: Record<string, unknown>): void {
  process.stdout.write(`READY ${JSON.stringify(details)}\n`);
}

export function benchDatabaseTarget():
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string } {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  const dataDir = process.env.HALLWAY_DATA_DIR;
  if (!dataDir) throw new Error('set DATABASE_URL or HALLWAY_DATA_DIR');
  return { kind: 'pglite', dataDir };
}
