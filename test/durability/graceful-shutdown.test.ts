import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServer, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { newRequestBody, prepareDatabase, type PreparedDatabase } from './durability-support.ts';

let folder: string;
let prepared: PreparedDatabase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-shutdown-'));
  prepared = await prepareDatabase(folder);
});
afterAll(async () => {
  await killServer(server);
  await rm(folder, { recursive: true, force: true });
});

/** Sends the headers and half the body now; returns a function that sends the rest and reads the reply. */
function startSlowPost(url: string, body: string) {
  const request = http.request(`${url}/api/v1/requests`, {
    method: 'POST',
    headers: {
      authorization: prepared.authorization,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    },
  });
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return {
    finish: () => {
      request.end(body.slice(half));
      return reply;
    },
  };
}

describe('SIGTERM while a request is in flight', () => {
  it('finishes that request, stops taking new ones, exits 0 and frees the data folder', async () => {
    server = await startServerProcess({ ...prepared.env, HALLWAY_SHUTDOWN_GRACE_MS: '10000' });
    const slow = startSlowPost(server.url, newRequestBody(prepared.teamSlug, 'In flight during shutdown'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the server is now reading the body

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode).toBeNull(); // still finishing the in-flight request
    // A newcomer is turned away: the listener is closed (or answers 503 while closing).
    const newcomer = await fetch(`${server.url}/healthz`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(newcomer);

    const reply = await slow.finish();
    expect(reply.status).toBe(201);
    const key = (JSON.parse(reply.body) as { key: string }).key;
    expect(await server.exited).toBe(0);
    if (prepared.target.kind === 'pglite') {
      expect(existsSync(path.join(prepared.target.dataDir, 'hallway.lock'))).toBe(false);
    }

    // The request it finished is really there after a restart.
    server = await startServerProcess(prepared.env);
    const read = await fetch(`${server.url}/api/v1/requests/${key}`, { headers: { authorization: prepared.authorization } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { subject: string }).subject).toBe('In flight during shutdown');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
