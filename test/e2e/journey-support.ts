import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { killServer, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { launchChromium, seriousAxeViolations } from './browser.ts';

// What every journey starts with: its own `hallway serve` on a fresh data folder with the demo
// organisation (whose one password the first start prints), and Debian's Chromium.

export interface DemoRun {
  server: ServerProcess;
  browser: Browser;
  password: string;
  close(): Promise<void>;
}

/** `env` adds to the server's environment, e.g. HALLWAY_SMTP_PORT for a journey that sends mail in. */
export async function startDemo(env: Record<string, string> = {}): Promise<DemoRun> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hallway-e2e-'));
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess({ HALLWAY_DATA_DIR: path.join(folder, 'data'), ...env }, 150_000);
    const password = /shares one password: +(\S+)/.exec(server.output())?.[1];
    if (!password) throw new Error(`the first start printed no demo password:\n${server.output()}`);
    const browser = await launchChromium();
    const started = server;
    return {
      server: started,
      browser,
      password,
      close: async () => {
        await browser.close();
        await killServer(started);
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await killServer(server);
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** How a journey answers the first sign-in's question (how the person likes to be thanked). */
export type RecognitionAnswer = 'Publicly' | 'Privately' | 'Ask me later' | 'not asked';

/**
 * Signs in from the sign-in page, which sends the person on to `next`. The first sign-in asks once
 * how the person likes to be thanked (the demo has asked nobody yet): answered as told, or put off.
 */
export async function signIn(page: Page, email: string, password: string, next = '/', answer: RecognitionAnswer = 'Privately'): Promise<void> {
  await page.goto(next);
  await page.getByRole('heading', { name: 'Sign in to Hallway' }).waitFor();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (answer === 'not asked') return;
  const question = page.getByRole('dialog', { name: 'How would you like to be thanked?' });
  await question.waitFor();
  if (answer === 'Ask me later') {
    await question.getByRole('button', { name: 'Ask me later' }).click();
  } else {
    await question.getByLabel(answer).check();
    await question.getByRole('button', { name: 'Save my choice' }).click();
  }
  await question.waitFor({ state: 'detached' });
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  // A drawer or modal fading in has its text and background mid-blend: axe would measure a
  // contrast no one reads (CI saw 3.2:1 on a button that is 4.5:1 once shown). Judge what settles.
  // Endless ones (a loader's spin) never settle and are not waited for.
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  );
  expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
}
