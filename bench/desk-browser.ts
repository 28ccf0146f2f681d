// Issue 4: "Lists stay smooth with 10,000 requests in a queue." Debian's Chromium drives the real
// desk against a real `hallway serve` on a PostgreSQL database holding a queue of 10,000 requests
// and, side by side, one of 100 (the baseline): how soon the first rows show, how many rows the page
// holds, and the frame times while the list is scrolled through its first 1,000 requests (loading
// pages as it goes). Ratios against the small queue are what to read; the machine is shared.
// Usage: npm run bench:desk [-- --rounds 3]
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { people, teamMemberships, teams } from '../server/modules/people/people.tables.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { killServer, startServerProcess } from '../test/support/processes.ts';
import { insertSyntheticQueue } from './synthetic-queue.ts';

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(options.rounds);
const serverBase = (process.env.HALLWAY_TEST_SERVER ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const PASSWORD = 'a bench password, long enough';
const SCROLLED_ROWS = 1_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

async function seed(url: string) {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    await runMigrations(database);
    const [big, small] = await database.db
      .insert(teams)
      .values([{ slug: 'big', name: 'Big', keyPrefix: 'BIG' }, { slug: 'small', name: 'Small', keyPrefix: 'SML' }])
      .returning();
    const [agent, ...requesters] = await database.db
      .insert(people)
      .values([
        { email: 'agent@bench.example', name: 'Bench Agent', passwordHash: await hashPassword(PASSWORD), recognition: 'private' as const },
        ...['asker-1', 'asker-2', 'asker-3'].map((name) => ({ email: `${name}@bench.example`, name })),
      ])
      .returning();
    await database.db.insert(teamMemberships).values([
      { teamId: big!.id, personId: agent!.id, role: 'agent' },
      { teamId: small!.id, personId: agent!.id, role: 'agent' },
    ]);
    const requesterIds = requesters.map((person) => person.id);
    await insertSyntheticQueue(database, { teamId: big!.id, keyPrefix: 'BIG', requesterIds, assigneeIds: [agent!.id], count: 10_000, firstFiledAt: new Date(Date.now() - 10_000 * 60_000) });
    await insertSyntheticQueue(database, { teamId: small!.id, keyPrefix: 'SML', requesterIds, assigneeIds: [agent!.id], count: 100, firstFiledAt: new Date(Date.now() - 100 * 60_000) });
  } finally {
    await database.close();
  }
}

interface QueueRun {
  firstRowsMs: number;
  rowsInPage: number;
  frameP50Ms: number;
  frameP95Ms: number;
  longestFrameMs: number;
  rowsLoaded: number;
}

/** Opens the queue, waits for its first rows, then scrolls down through it while counting frames. */
async function measureQueue(page: Page, team: string): Promise<QueueRun> {
  const started = Date.now();
  await page.goto(`/desk/${team}`);
  await page
    .locator('[data-testid^="queue-row-"]')
    .first()
    .waitFor()
    .catch(async (error: unknown) => {
      await page.screenshot({ path: 'bench/results/desk-browser-failure.png' });
      throw error;
    });
  const firstRowsMs = Date.now() - started;
  const list = page.getByRole('region', { name: 'Requests', exact: true });
  // Frames are timed in the page: every requestAnimationFrame's gap while the list scrolls.
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; window.__frameLoop = requestAnimationFrame(tick); };
    window.__frameLoop = requestAnimationFrame(tick);
  })()`);
  // This file is type-checked without the DOM: the scrolling element's few members, by hand.
  type Scroller = { scrollBy(x: number, y: number): void; scrollTop: number; scrollHeight: number; clientHeight: number };
  const scrolled = Date.now();
  while (Date.now() - scrolled < 90_000) {
    const left = await list.evaluate((element: Scroller) => {
      element.scrollBy(0, 600);
      return element.scrollHeight - element.scrollTop - element.clientHeight;
    });
    await page.waitForTimeout(16);
    if (left > 1) continue;
    // At the bottom: done when enough rows are loaded, or when the queue says there are no more.
    const status = (await page.getByText(/^\d+ shown/).textContent()) ?? '';
    if (Number.parseInt(status, 10) >= SCROLLED_ROWS || !status.includes('more load')) break;
  }
  const frames = (await page.evaluate('(() => { cancelAnimationFrame(window.__frameLoop); return window.__frames.slice(1); })()')) as number[];
  const rowsInPage = await page.locator('[data-testid^="queue-row-"]').count();
  const rowsLoaded = await loadedCount(page);
  return {
    firstRowsMs,
    rowsInPage,
    frameP50Ms: Math.round(percentile(frames, 0.5) * 10) / 10,
    frameP95Ms: Math.round(percentile(frames, 0.95) * 10) / 10,
    longestFrameMs: Math.round(Math.max(...frames)),
    rowsLoaded,
  };
}

/** How many requests the list holds, as the queue says it ("N shown"). */
async function loadedCount(page: Page): Promise<number> {
  return Number.parseInt((await page.getByText(/^\d+ shown/).textContent()) ?? '0', 10);
}

async function main(): Promise<void> {
  const name = `hallway_bench_desk_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${serverBase}/postgres` });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = `${serverBase}/${name}`;
  let server;
  try {
    await seed(url);
    server = await startServerProcess({ DATABASE_URL: url, HALLWAY_DEMO: '0' }, 120_000);
    const browser = await launchChromium();
    const page = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('agent@bench.example');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'));

    const results: Record<string, QueueRun[]> = { small: [], big: [] };
    for (let round = 0; round < rounds; round++) {
      // Side by side: the baseline and the big queue alternate, so both see the same machine.
      for (const team of ['small', 'big'] as const) results[team]!.push(await measureQueue(page, team));
    }
    await browser.close();
    const summary = Object.fromEntries(
      Object.entries(results).map(([team, runs]) => [
        team,
        {
          firstRowsMs: median(runs.map((run) => run.firstRowsMs)),
          rowsInPage: median(runs.map((run) => run.rowsInPage)),
          rowsLoaded: median(runs.map((run) => run.rowsLoaded)),
          frameP50Ms: median(runs.map((run) => run.frameP50Ms)),
          frameP95Ms: median(runs.map((run) => run.frameP95Ms)),
          longestFrameMs: median(runs.map((run) => run.longestFrameMs)),
        },
      ]),
    );
    const ratio = (key: 'firstRowsMs' | 'frameP95Ms') => Math.round((summary.big![key] / summary.small![key]) * 100) / 100;
    const report = { at: new Date().toISOString(), rounds, summary, ratios: { firstRows: ratio('firstRowsMs'), frameP95: ratio('frameP95Ms') } };
    console.log(JSON.stringify(report, null, 2));
    await mkdir(new URL('./results/', import.meta.url), { recursive: true });
    await writeFile(new URL('./results/desk-browser-latest.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await killServer(server);
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

await main();
