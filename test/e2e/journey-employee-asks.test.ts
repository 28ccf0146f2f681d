import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, CHROMIUM, keepScreenshot } from './browser.ts';
import { expectAccessible as expectPageAccessible, startDemo, type DemoRun } from './journey-support.ts';

// Journey 1 of issue 4: an employee finds "Laptop repair" by searching, fills the form (a
// validation error first), submits, and sees the acknowledgement with the expected wait. Then the
// request is where they will look for it later: My requests, and its own page with their answers.

const EMPLOYEE = 'chloe.nguyen@lumen.example';
// A valid 1x1 PNG, for the form's photo answer.
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

if (!chromiumInstalled && !process.env.CI) {
  console.warn(`Skipping the browser journeys: no Chromium at ${CHROMIUM} (apt-get install chromium). In CI this fails.`);
}

if (!chromiumInstalled && process.env.CI) {
  describe('browser journeys in CI', () => {
    it('have Chromium to run in', () => {
      throw new Error(`CI: no Chromium at ${CHROMIUM}; .ci/run installs it with apt-get install chromium`);
    });
  });
}

describe.skipIf(!chromiumInstalled)('journey 1: an employee asks for a laptop repair', () => {
  let demo: DemoRun;
  let page: Page;
  let password: string;
  let requestKey: string;

  beforeAll(async () => {
    // A first start on an empty folder seeds the demo organisation and prints its shared password once.
    demo = await startDemo();
    password = demo.password;
    page = await (await demo.browser.newContext({ baseURL: demo.server.url, viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await demo?.close();
  });

  const expectAccessible = (where: string) => expectPageAccessible(page, where);

  it('signs in, searches, meets a validation error, fixes it and sees the expected wait', async () => {
    await page.goto('/');
    // Not signed in: the portal sends the employee to sign in, and back afterwards.
    await page.getByRole('heading', { name: 'Sign in to Hallway' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible('sign-in');
    await page.getByLabel('E-mail address').fill(EMPLOYEE);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The first sign-in asks, once, how the employee likes to be thanked.
    const question = page.getByRole('dialog', { name: 'How would you like to be thanked?' });
    await question.waitFor();
    await expectAccessible('the recognition question');
    await question.getByLabel('Privately').check();
    await question.getByRole('button', { name: 'Save my choice' }).click();
    await question.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
    const laptop = page.getByRole('link', { name: 'Laptop or computer problem' });
    const access = page.getByRole('link', { name: 'Access to an application' });
    await laptop.waitFor();
    await access.waitFor();
    // Each team says whether it is working, before anyone searches.
    await page.getByText(/IT (is working now|opens|keeps no fixed hours)/).first().waitFor();
    await expectAccessible('the catalog');

    await page.getByLabel('Search services').fill('laptop');
    await access.waitFor({ state: 'detached' });
    expect(await laptop.isVisible()).toBe(true);
    await laptop.click();

    await page.getByRole('heading', { name: 'Laptop or computer problem', level: 1 }).waitFor();
    const device = page.getByRole('radiogroup', { name: 'Which device?' });
    await device.getByLabel('Laptop', { exact: true }).check();
    await page.getByLabel('Asset tag').fill('AB-12');
    await page.getByLabel('What happens?').fill('It will not start after the update this morning.');
    // The loan question shows only once "Can you work meanwhile?" is answered "No".
    expect(await page.getByRole('radiogroup', { name: 'Do you need a loan laptop?' }).count()).toBe(0);
    await expectAccessible('the service form');
    await page.getByRole('button', { name: 'Send the request' }).click();

    // The API refuses two answers at once; each message sits under its own input.
    await page.getByText('Some answers need another look').waitFor();
    await page.getByText('Must look like LW-1234').waitFor();
    await page.getByText('This is required').waitFor();
    expect(new URL(page.url()).pathname).toBe('/services/laptop-repair');
    // Nothing typed was lost.
    expect(await page.getByLabel('What happens?').inputValue()).toBe('It will not start after the update this morning.');
    await expectAccessible('the service form with problems');

    await page.getByLabel('Asset tag').fill('LW-1234');
    await page.getByRole('radiogroup', { name: 'Can you work meanwhile?' }).getByLabel('No', { exact: true }).check();
    const loaner = page.getByRole('radiogroup', { name: 'Do you need a loan laptop?' });
    await loaner.waitFor();
    await loaner.getByLabel('Yes', { exact: true }).check();
    // The photo goes up as soon as it is chosen; the answer sent is the upload's id.
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('A photo or screenshot').click();
    await (await chooser).setFiles({ name: 'error-screen.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByText(/error-screen\.png \(\d+ B\) is ready to send/).waitFor();
    await page.getByRole('button', { name: 'Send the request' }).click();

    await page.getByRole('heading', { name: 'Your request is on its way' }).waitFor();
    const keyLine = await page.getByTestId('request-key-line').textContent();
    expect(keyLine).toMatch(/^IT-\d+ is with IT\.$/);
    requestKey = /^(IT-\d+)/.exec(keyLine ?? '')![1]!;
    const wait = await page.getByTestId('expected-wait').textContent();
    // The demo's IT team has an SLA policy and a month of answered requests: both figures show.
    expect(wait).toMatch(/^IT usually answers within .+\. It promises a first answer within \d+(\.\d)? working (hour|hours|minutes)\.$/);
    await expectAccessible('the acknowledgement');
    await keepScreenshot(page, 'journey-1-acknowledgement');
  });

  it('finds the request in My requests, with its status, due times and timeline', async () => {
    await page.getByRole('link', { name: 'My requests' }).click();
    await page.getByRole('heading', { name: 'My requests', level: 1 }).waitFor();
    const row = page.getByRole('link', { name: requestKey, exact: true });
    await row.waitFor();
    await expectAccessible('my requests');
    await row.click();

    await page.getByRole('heading', { name: `${requestKey}: Laptop or computer problem`, level: 1 }).waitFor();
    await page.getByText('New', { exact: true }).waitFor();
    await page.getByText(/^First answer: due by /).waitFor();
    await page.getByText('Asked', { exact: true }).waitFor();
    // The answers as filed, the conditional one included.
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    await page.getByText('LW-1234', { exact: true }).waitFor();
    await page.getByText('Do you need a loan laptop?', { exact: true }).waitFor();
    // The photo answer is a download link, and the request's files list it.
    await page.getByRole('link', { name: 'Download error-screen.png' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Download error-screen.png' }).count()).toBe(2);
    // A file over the limit is refused before any upload, and said aloud (an alert).
    const tooLarge = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await (await tooLarge).setFiles({ name: 'disk-image.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(20 * 1024 * 1024 + 1) });
    await page.getByRole('alert').filter({ hasText: 'Files may be at most 20 MB.' }).waitFor();
    // A file added later lands on the request and its timeline.
    const later = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await (await later).setFiles({ name: 'event-log.txt', mimeType: 'text/plain', buffer: Buffer.from('Boot failed: 0xC000000F') });
    await page.getByRole('link', { name: 'Download event-log.txt' }).waitFor();
    await page.getByText('Added a file', { exact: true }).waitFor();
    await expectAccessible('the request page');
    await keepScreenshot(page, 'journey-1-request-page');
  });
});
