import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn as signInAs, startDemo, type DemoRun } from './journey-support.ts';

// Journey 5 of issue 4: a lead of IT opens a request on the desk and hands it off to Facilities
// with a reason; an agent of Facilities, in a browser of their own, finds it in their team's queue
// with the reason on its timeline. axe on the queue, the board and the request page.

const LEAD = 'tomasz.nowak@lumen.example'; // Service Desk Lead, IT
const FACILITIES_AGENT = 'rosa.jimenez@lumen.example'; // Facilities Coordinator
const SUBJECT = 'Request for a second monitor'; // a demo request of IT's, acknowledged
const REASON = 'Screens and desk equipment are ordered by Facilities; the asset register is theirs.';

describe.skipIf(!chromiumInstalled)('journey 5: a lead hands a request off to another team', () => {
  let demo: DemoRun | undefined;
  let leadContext: BrowserContext;
  let agentContext: BrowserContext;
  let lead: Page;
  let agent: Page;
  let requestKey: string;

  beforeAll(async () => {
    demo = await startDemo();
    const { browser, server } = demo;
    leadContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    agentContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    lead = await leadContext.newPage();
    agent = await agentContext.newPage();
  });

  afterAll(async () => {
    await demo?.close();
  });

  /** Signs in (the first sign-in's question answered "Privately") and lands on `next`. */
  const signIn = (page: Page, email: string, next: string) => signInAs(page, email, demo!.password, next);

  it('the lead finds the request in the IT queue, on the list and on the board', async () => {
    await signIn(lead, LEAD, '/desk');
    // /desk opens the queue of the lead's team.
    await lead.getByRole('heading', { name: 'IT queue', level: 1 }).waitFor();
    expect(new URL(lead.url()).pathname).toBe('/desk/it');
    await lead.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Unassigned/ }).waitFor();
    await lead.locator('[data-testid^="queue-row-"]').first().waitFor();
    await expectAccessible(lead, 'the IT queue');

    await lead.getByLabel('Search subject and description').fill('second monitor');
    const row = lead.locator('[data-testid^="queue-row-"]', { hasText: SUBJECT });
    await row.waitFor();
    // The search is in the URL, so the view survives a reload or a shared link.
    await lead.waitForURL(/[?&]q=second\+monitor/);
    requestKey = (await row.getByRole('link').first().textContent()) ?? '';
    expect(requestKey).toMatch(/^IT-\d+$/);

    await lead.getByText('Board', { exact: true }).click();
    await lead.getByRole('region', { name: 'Acknowledged' }).getByTestId(`board-card-${requestKey}`).waitFor();
    await expectAccessible(lead, 'the IT board');
    // A card moves by its menu (mouse or keyboard alike), to the statuses the lifecycle allows.
    await lead.getByRole('button', { name: `Move ${requestKey} to…` }).click();
    await lead.getByRole('menuitem', { name: 'In progress' }).click();
    await lead.getByRole('region', { name: 'In progress' }).getByTestId(`board-card-${requestKey}`).waitFor();

    await lead.getByTestId(`board-card-${requestKey}`).getByRole('link', { name: requestKey }).click();
    await lead.getByRole('heading', { name: `${requestKey}: ${SUBJECT}`, level: 1 }).waitFor();
    await lead.getByRole('heading', { name: 'Timeline' }).waitFor();
    await lead.getByRole('heading', { name: 'Service-level clocks' }).waitFor();
    await expectAccessible(lead, 'the request page');
  });

  it('hands it off to Facilities, and the reason is required', async () => {
    await lead.getByRole('button', { name: 'Hand off to another team' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Hand off to another team' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Hand off' }).click();
    await dialog.getByText('Pick a team').waitFor();
    await dialog.getByText('Say why, for the other team').waitFor();
    // The page's shortcuts stay out of the dialog: "a" on its button does not assign the request behind it.
    const changes: string[] = [];
    lead.on('request', (sent) => {
      if (sent.method() === 'PATCH' && sent.url().endsWith(`/requests/${requestKey}`)) changes.push(sent.postData() ?? '');
    });
    await lead.keyboard.press('a');

    await dialog.getByRole('combobox', { name: /^Team/ }).click();
    await lead.getByRole('option', { name: 'Facilities' }).click();
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill(REASON);
    await expectAccessible(lead, 'the handoff dialog');
    await dialog.getByRole('button', { name: 'Hand off' }).click();

    // Back on IT's queue: the request has left it.
    await lead.getByTestId('queue-notice').getByText('Handed off to Facilities.').waitFor();
    await lead.getByRole('heading', { name: 'IT queue', level: 1 }).waitFor();
    expect(changes).toHaveLength(1);
    expect(JSON.parse(changes[0]!)).toMatchObject({ team: 'facilities' });
  });

  it('works the rest of the queue from the keyboard and in bulk, with a report per request', async () => {
    const rows = lead.locator('[data-testid^="queue-row-"]');
    // The list has been asked again since the handoff: the request handed off is gone from it.
    await lead.getByTestId(`queue-row-${requestKey}`).waitFor({ state: 'detached' });
    await rows.nth(1).waitFor();
    const keyOf = async (index: number) => ((await rows.nth(index).getAttribute('data-testid')) ?? '').replace('queue-row-', '');
    const [first, second] = [await keyOf(0), await keyOf(1)];
    // j moves down, k up, x selects the row it is on.
    await lead.keyboard.press('j');
    await lead.keyboard.press('x');
    await lead.keyboard.press('k');
    await lead.keyboard.press('x');
    await expect.poll(() => lead.getByRole('checkbox', { name: `Select ${first}` }).isChecked()).toBe(true);
    await expect.poll(() => lead.getByRole('checkbox', { name: `Select ${second}` }).isChecked()).toBe(true);
    const bulk = lead.getByRole('region', { name: 'Change the selected requests' });
    await bulk.getByText('2 selected').waitFor();

    // Open requests cannot be closed before they are resolved: each row says so, and stays selected.
    await bulk.getByRole('button', { name: 'Status…' }).click();
    await lead.getByRole('menuitem', { name: 'Closed' }).click();
    await lead.getByText('2 requests were not changed').waitFor();
    // The menu closes with a short fade; axe looks at the page once it is gone.
    await lead.getByRole('menu').waitFor({ state: 'detached' });
    const failures = lead.getByTestId('bulk-failures');
    expect(await failures.getByText(new RegExp(`^${first}: `)).count()).toBe(1);
    expect(await failures.getByText(new RegExp(`^${second}: `)).count()).toBe(1);
    await expectAccessible(lead, 'the queue with a bulk report');

    await bulk.getByRole('button', { name: 'Assign to me' }).click();
    await lead.getByText('2 requests changed.').waitFor();
    await lead.getByTestId(`queue-row-${first}`).getByText('Tomasz Nowak').waitFor();
    await lead.getByTestId(`queue-row-${second}`).getByText('Tomasz Nowak').waitFor();
  });

  it('an agent of Facilities sees it in their queue, with the reason on its timeline', async () => {
    await signIn(agent, FACILITIES_AGENT, '/desk/facilities');
    await agent.getByRole('heading', { name: 'Facilities queue', level: 1 }).waitFor();
    await agent.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Unassigned/ }).click();
    await agent.getByLabel('Search subject and description').fill('second monitor');
    const row = agent.getByTestId(`queue-row-${requestKey}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(SUBJECT);
    await expectAccessible(agent, 'the Facilities queue');

    // The row links to the request. Followed by its address, not a click: a late refresh of the
    // searched list re-draws the row, and a click landing in that moment was lost (a CI timeout).
    const link = row.getByRole('link', { name: requestKey });
    expect(await link.getAttribute('href')).toBe(`/desk/requests/${requestKey}`);
    await agent.goto((await link.getAttribute('href'))!);
    await agent.getByRole('heading', { name: `${requestKey}: ${SUBJECT}`, level: 1 }).waitFor();
    const timeline = agent.getByTestId('timeline');
    const handoff = timeline.locator('[data-kind="handoff"]');
    await handoff.getByText('Handed from IT to Facilities').waitFor();
    await handoff.getByText(`Reason: ${REASON}`).waitFor();
    await expectAccessible(agent, 'the handed-off request');
    await keepScreenshot(agent, 'journey-5-handed-off-request');
  });

  it('an administrator going from one team’s queue to another leaves the selection behind', async () => {
    // The first start prints the administrator's generated password too, above the demo's.
    const adminPassword = /\bpassword {2,}(\S+)/.exec(demo!.server.output())?.[1];
    expect(adminPassword).toBeTruthy();
    const context = await demo!.browser.newContext({ baseURL: demo!.server.url, viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await signInAs(admin, 'admin@hallway.local', adminPassword!, '/desk/it', 'Ask me later');
    await admin.getByRole('heading', { name: 'IT queue', level: 1 }).waitFor();
    await admin.locator('[data-testid^="queue-row-"]').first().getByRole('checkbox').check();
    const bulkBar = admin.getByRole('region', { name: 'Change the selected requests' });
    await bulkBar.getByText('1 selected').waitFor();
    // Another team's queue inside the app, as the team picker goes there, without loading the page again.
    await admin.evaluate(() => {
      window.history.pushState(null, '', '/desk/hr');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await admin.getByRole('heading', { name: 'HR queue', level: 1 }).waitFor();
    await admin.locator('[data-testid^="queue-row-"]').first().waitFor();
    expect(await bulkBar.count()).toBe(0);
    await context.close();
  });

  it('keeps a queue of 10,000 requests windowed: the page holds a screenful of rows, not ten thousand', async () => {
    // The list API answers from here with 100 pages of made-up IT requests, as a big team's queue would.
    const total = 10_000;
    const row = (index: number) => ({
      key: `IT-${100_000 + index}`,
      team: { slug: 'it', name: 'IT' },
      subject: `Synthetic request ${index}`,
      description: '',
      status: 'new',
      priority: index % 7 === 0 ? 'high' : 'normal',
      channel: 'portal',
      confidential: false,
      requester: { id: '00000000-0000-4000-8000-000000000001', name: 'Chloe Nguyen' },
      assignee: null,
      version: 1,
      createdAt: new Date(Date.UTC(2026, 10, 1) - index * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 10, 1) - index * 60_000).toISOString(),
      acknowledgedAt: null,
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      dueAt: new Date(Date.now() + (index - 50) * 60_000).toISOString(),
      warnAt: new Date(Date.now() + (index - 80) * 60_000).toISOString(),
    });
    await lead.route(/\/api\/v1\/requests\?/, async (route) => {
      const start = Number(new URL(route.request().url()).searchParams.get('cursor') ?? '0');
      const items = Array.from({ length: Math.min(100, total - start) }, (_, offset) => row(start + offset));
      await route.fulfill({ json: { items, nextCursor: start + 100 < total ? String(start + 100) : null } });
    });
    await lead.goto('/desk/it?q=synthetic');
    const list = lead.getByRole('region', { name: 'Requests' });
    await list.locator('li').first().waitFor();

    // The browser's long tasks (over 50 ms of blocked main thread) while the list grows: logged, not
    // asserted (the machine is shared), for the report and for anyone tuning the list.
    await lead.evaluate(`window.longTasks = []; new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.longTasks.push(entry.duration); }).observe({ type: 'longtask' });`);
    const started = Date.now();
    // Scroll to the end until every page is in: each scroll asks for the next page.
    for (let attempt = 0; attempt < 400; attempt += 1) {
      if ((await lead.getByText(/^10000 shown$/).count()) === 1) break;
      await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await lead.waitForTimeout(25);
    }
    await lead.getByText(/^10000 shown$/).waitFor();
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await lead.getByTestId(`queue-row-IT-${100_000 + total - 1}`).waitFor();
    const drawnRows = await list.locator('li').count();
    const longTasks = (await lead.evaluate('window.longTasks')) as number[];
    console.info(
      `10,000 rows loaded page by page and scrolled through in ${Date.now() - started} ms; ${drawnRows} rows in the page; ` +
        `${longTasks.length} long tasks, the longest ${Math.round(Math.max(0, ...longTasks))} ms`,
    );
    expect(drawnRows).toBeLessThan(60);

    // Back to the top and down again with the keyboard, still a screenful in the page.
    await list.evaluate((element) => element.scrollTo({ top: 0 }));
    await lead.getByTestId(`queue-row-IT-${100_000}`).waitFor();
    expect(await list.locator('li').count()).toBeLessThan(60);
    await lead.unroute(/\/api\/v1\/requests\?/);
  });
});
