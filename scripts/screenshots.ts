// `npm run screenshots`: the README's pictures of the portal and the agent desk, taken from a fresh
// demo organisation by Debian's Chromium (the same one the browser journeys drive). Run it after a
// visible change to either and commit the PNGs in docs/screenshots/.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.ts';
import { killServer, startServerProcess } from '../test/support/processes.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

async function signedIn(browser: Browser, url: string, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: url, viewport: VIEWPORT })).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in asks once how the person likes to be thanked.
  const question = page.getByRole('dialog', { name: 'How would you like to be thanked?' });
  await question.waitFor({ timeout: 10_000 });
  await question.getByLabel('Publicly').check();
  await question.getByRole('button', { name: 'Save my choice' }).click();
  await question.waitFor({ state: 'detached' });
  return page;
}

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hallway-screenshots-'));
  const server = await startServerProcess({ HALLWAY_DATA_DIR: path.join(folder, 'data') }, 150_000);
  const password = /shares one password: +(\S+)/.exec(server.output())?.[1];
  if (!password) throw new Error('the first start printed no demo password');
  const browser = await launchChromium();
  try {
    const employee = await signedIn(browser, server.url, 'chloe.nguyen@lumen.example', password);
    await employee.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
    await employee.getByText(/IT (is working now|opens|keeps no fixed hours)/).first().waitFor();
    await employee.screenshot({ path: path.join(OUT, 'portal.png') });

    const agent = await signedIn(browser, server.url, 'daniel.osei@lumen.example', password);
    await agent.goto('/desk/it');
    await agent.getByRole('heading', { level: 1 }).first().waitFor();
    await agent.waitForLoadState('networkidle');
    await agent.screenshot({ path: path.join(OUT, 'agent-desk.png') });
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await killServer(server);
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
