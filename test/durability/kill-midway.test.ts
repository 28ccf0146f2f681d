import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServer, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { newRequestBody, prepareDatabase, type PreparedDatabase } from './durability-support.ts';

const CLIENTS = 8;
const KILL_AFTER_CREATED = 150;

let folder: string;
let prepared: PreparedDatabase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-kill-'));
  prepared = await prepareDatabase(folder);
});
afterAll(async () => {
  await killServer(server);
  await rm(folder, { recursive: true, force: true });
});

describe('SIGKILL in the middle of a stream of writes', () => {
  it('loses no request that was answered 201, and never hands out a key twice', { timeout: 180_000 }, async () => {
    server = await startServerProcess({
      ...prepared.env,
      HALLWAY_ADMIN_EMAIL: 'boss@example.com',
      HALLWAY_ADMIN_PASSWORD: 'a long enough password',
    });
    const { url } = server;
    const acknowledged: Array<{ key: string; subject: string }> = [];
    let killed = false;
    let serial = 0;

    // Each client writes until its connection fails: the kill is the only way the loop ends.
    const client = async () => {
      for (;;) {
        const subject = `Durability ${(serial += 1)}`;
        let status: number;
        let text: string;
        try {
          const response = await fetch(`${url}/api/v1/requests`, {
            method: 'POST',
            headers: { authorization: prepared.authorization, 'content-type': 'application/json' },
            body: newRequestBody(prepared.teamSlug, subject),
          });
          status = response.status;
          text = await response.text();
        } catch {
          // Cut off by the kill: the outcome of this one is unknown, so it is not counted either way.
          if (killed) return;
          throw new Error('a write failed before the server was killed');
        }
        if (status !== 201) throw new Error(`unexpected ${status}: ${text}`);
        acknowledged.push({ key: (JSON.parse(text) as { key: string }).key, subject });
        if (acknowledged.length >= KILL_AFTER_CREATED && !killed) {
          killed = true;
          server!.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect(await server.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_CREATED);

    // The keys a client was given are all different ...
    expect(new Set(acknowledged.map(({ key }) => key)).size).toBe(acknowledged.length);

    // ... and after a restart (a dead owner's data-folder lock is taken over) every one is there.
    server = await startServerProcess(prepared.env);
    const missing: string[] = [];
    for (const { key, subject } of acknowledged) {
      const response = await fetch(`${server.url}/api/v1/requests/${key}`, { headers: { authorization: prepared.authorization } });
      const body = response.status === 200 ? ((await response.json()) as { subject: string }) : undefined;
      if (body?.subject !== subject) missing.push(`${key} (${response.status})`);
    }
    expect(missing).toEqual([]);

    // Numbering goes on after the highest key, never reusing one of them.
    const next = await fetch(`${server.url}/api/v1/requests`, {
      method: 'POST',
      headers: { authorization: prepared.authorization, 'content-type': 'application/json' },
      body: newRequestBody(prepared.teamSlug, 'After the restart'),
    });
    expect(next.status).toBe(201);
    const { key: nextKey } = (await next.json()) as { key: string };
    expect(acknowledged.map(({ key }) => key)).not.toContain(nextKey);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
