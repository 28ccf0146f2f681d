import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServer, runCli, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { testDatabaseKind } from '../support/test-database-kind.ts';

// The embedded database is one process's: a second process writing the same folder would corrupt
// it. This is about the data folder, not the server database, so it runs in the PGlite pass only.
describe.skipIf(testDatabaseKind() !== 'pglite')('an embedded data folder held by a running server', () => {
  let folder: string;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'hallway-lock-'));
    env = {
      HALLWAY_DATA_DIR: path.join(folder, 'data'),
      HALLWAY_DEMO: '0',
      HALLWAY_ADMIN_EMAIL: 'boss@example.com',
      HALLWAY_ADMIN_PASSWORD: 'a long enough password',
    };
    await writeFile(path.join(folder, 'people.csv'), 'email,name\nnew.person@example.com,New Person\n');
    server = await startServerProcess(env);
  });
  afterAll(async () => {
    await killServer(server);
    await rm(folder, { recursive: true, force: true });
  });

  const lockedMessage = () => new RegExp(`in use by another Hallway process \\(pid ${server!.child.pid}\\)`);

  it.each([
    ['migrate', ['migrate']],
    ['seed-demo', ['seed-demo']],
    ['import-people', ['import-people', 'PEOPLE_CSV']],
    ['token create', ['token', 'create', '--email', 'boss@example.com', '--name', 'ci']],
    ['backup', ['backup', 'BACKUP_FILE']],
    ['restore --force', ['restore', 'BACKUP_FILE', '--force']],
  ])('%s refuses with the clear lock message and exit status 2', async (_name, args) => {
    const backupFile = path.join(folder, 'backup.tar.gz');
    await writeFile(backupFile, 'not read: the lock is checked first');
    const resolved = args.map((arg) =>
      arg === 'PEOPLE_CSV' ? path.join(folder, 'people.csv') : arg === 'BACKUP_FILE' ? backupFile : arg,
    );
    const result = await runCli(resolved, env);
    expect(result.stderr).toMatch(lockedMessage());
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/hwt_/);
  });

  it('a second server refuses to start on the same folder, and the first keeps serving', async () => {
    await expect(startServerProcess(env)).rejects.toThrow(lockedMessage());
    const health = await fetch(`${server!.url}/readyz`);
    expect(health.status).toBe(200);
  });

  it('once the server has stopped, the folder is free for the CLI', async () => {
    server!.child.kill('SIGTERM');
    expect(await server!.exited).toBe(0);
    expect(existsSync(path.join(env.HALLWAY_DATA_DIR!, 'hallway.lock'))).toBe(false);
    const result = await runCli(['token', 'create', '--email', 'boss@example.com', '--name', 'after stop'], env);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^hwt_\S+$/);
  });
});
