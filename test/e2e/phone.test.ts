import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn, startDemo, type DemoRun } from './journey-support.ts';

// Issue 4: "responsive down to a phone". On a phone-sized screen every main page fits its width
// (nothing to scroll sideways), the menu opens from its button, and axe finds nothing serious.

const PHONE = { width: 390, height: 844 };
const EMPLOYEE = 'chloe.nguyen@lumen.example';
const AGENT = 'daniel.osei@lumen.example'; // IT

/** How far the page is wider than the screen, in CSS pixels (0 when it fits). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}

async function expectFits(page: Page, where: string): Promise<void> {
  expect(await sidewaysOverflow(page), `${where} is wider than the phone`).toBeLessThanOrEqual(0);
  await expectAccessible(page, `${where} on a phone`);
}

describe.skipIf(!chromiumInstalled)('on a phone', () => {
  let demo: DemoRun;

  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => {
    await demo?.close();
  });

  it("fits the employee's pages: catalog, a service form, my requests, a request, approvals, profile", async () => {
    const page = await (await demo.browser.newContext({ baseURL: demo.server.url, viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await signIn(page, EMPLOYEE, demo.password);
    await page.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
    await expectFits(page, 'the catalog');

    // The navigation hides behind its button and opens from it.
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('link', { name: 'My requests' }).click();
    await page.getByRole('heading', { name: 'My requests', level: 1 }).waitFor();
    await page.locator('main a[href^="/requests/"]').first().waitFor();
    await expectFits(page, 'my requests');
    await page.locator('main a[href^="/requests/"]').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    await expectFits(page, 'a request');

    await page.goto('/services/laptop-repair');
    await page.getByRole('heading', { name: 'Laptop or computer problem', level: 1 }).waitFor();
    await expectFits(page, 'the service form');

    for (const [url, heading] of [['/approvals', /Approvals/], ['/profile', /profile/i], ['/holidays', /holidays/i]] as const) {
      await page.goto(url);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expectFits(page, url);
    }
    await keepScreenshot(page, 'phone-employee');
  });

  it('fits the help pages: the help home, search results, an article and a team page', async () => {
    const page = await (await demo.browser.newContext({ baseURL: demo.server.url, viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await signIn(page, EMPLOYEE, demo.password, '/kb', 'not asked');
    await page.getByRole('heading', { name: 'Help articles', level: 1 }).waitFor();
    await page.locator('main a[href^="/kb/"]').first().waitFor();
    await expectFits(page, 'the help home');
    await page.goto('/search?q=password');
    await page.getByRole('link', { name: 'Reset your password' }).waitFor();
    await expectFits(page, 'search results');
    await page.getByRole('link', { name: 'Reset your password' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await expectFits(page, 'an article');
    await page.goto('/teams/it');
    await page.getByRole('heading', { name: 'What you can ask for' }).waitFor();
    await expectFits(page, 'a team page');
    await keepScreenshot(page, 'phone-team-page');
  });

  it("fits the agent's desk: the queue, the board and a request", async () => {
    const page = await (await demo.browser.newContext({ baseURL: demo.server.url, viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await signIn(page, AGENT, demo.password, '/desk');
    await page.getByRole('heading', { name: 'IT queue', level: 1 }).waitFor();
    await page.locator('[data-testid^="queue-row-"]').first().waitFor();
    await expectFits(page, 'the queue');
    await keepScreenshot(page, 'phone-desk-queue');
    // The board's columns scroll inside their own strip; the page itself stays phone-wide.
    await page.locator('label', { hasText: /^Board$/ }).click();
    await page.waitForURL(/layout=board/);
    await page.locator('[data-testid^="board-card-"], [data-testid^="queue-row-"]').first().waitFor();
    await expectFits(page, 'the board');
    await page.locator('label', { hasText: /^List$/ }).click();
    await page.locator('[data-testid^="queue-row-"]').first().waitFor();

    await page.locator('[data-testid^="queue-row-"]').first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForURL(/\/desk\/requests\//);
    await expectFits(page, 'a request on the desk');
  });
});
