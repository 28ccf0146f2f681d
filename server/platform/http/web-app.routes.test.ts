import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from './home.routes.ts';
import { registerProblemHandlers } from './problem.ts';

// The web root without a database: a built app in a temporary folder, and one API route beside it.
let folder: string;
let app: FastifyInstance;
const script = 'console.log("hallway");'.repeat(50);

async function appServing(webFolder: string): Promise<FastifyInstance> {
  const instance = Fastify({ logger: false });
  registerProblemHandlers(instance);
  await instance.register(webRoot(webFolder));
  instance.get('/api/v1/ping', async () => ({ pong: true }));
  await instance.ready();
  return instance;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-web-'));
  await mkdir(path.join(folder, 'assets'));
  await mkdir(path.join(folder, '.vite'));
  await writeFile(path.join(folder, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(folder, 'assets/app-1a2b.js'), script);
  await writeFile(path.join(folder, 'assets/app-1a2b.js.gz'), gzipSync(script));
  await writeFile(path.join(folder, '.vite/manifest.json'), '{}');
  app = await appServing(folder);
});
afterAll(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the web app at the web root', () => {
  it('serves the app at / and at every page address, never cached', async () => {
    for (const url of ['/', '/requests/IT-42', '/services/laptop-repair?q=x']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves built files for good, compressed when the browser takes it', async () => {
    const response = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves the API, missing files and the build bookkeeping as 404 problems, not the app', async () => {
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    for (const url of ['/api/v1/nothing-here', '/api', '/assets/gone-9z9z.js', '/.vite/manifest.json']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });

  it('says how to build the app when it is not built', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'hallway-web-empty-'));
    const bare = await appServing(empty);
    try {
      const response = await bare.inject({ url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('npm run build:web');
      expect((await bare.inject({ url: '/requests/IT-42' })).statusCode).toBe(404);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
