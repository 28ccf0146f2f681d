import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn as signInAs, startDemo, type DemoRun } from './journey-support.ts';

// Journey 2 of issue 4: an agent is already on the IT queue in one browser; an employee files
// "Laptop repair" through the portal in another. The request appears on the agent's queue without
// a reload; the agent assigns it, replies publicly and adds an internal note; the employee reads
// the reply on their request page, and never the note.

const AGENT = 'chen.wei@lumen.example'; // Service Desk Analyst, IT
const EMPLOYEE = 'chloe.nguyen@lumen.example';
const REPLY = 'Thanks Chloe, we are on it. Bring the laptop to the IT desk on the 2nd floor today.';
const NOTE = 'Warranty runs until March: order the battery from the vendor, not from stock.';

describe.skipIf(!chromiumInstalled)('journey 2: an agent sees a new request arrive and answers it', () => {
  let demo: DemoRun | undefined;
  let agentContext: BrowserContext;
  let employeeContext: BrowserContext;
  let agent: Page;
  let employee: Page;
  let requestKey: string;
  /** A request already on the IT queue before the employee files theirs. */
  let otherKey: string;

  beforeAll(async () => {
    demo = await startDemo();
    const { browser, server } = demo;
    agentContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    employeeContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    agent = await agentContext.newPage();
    employee = await employeeContext.newPage();
  });

  afterAll(async () => {
    await demo?.close();
  });

  /** Signs in (the first sign-in's question answered "Privately") and lands on `next`. */
  const signIn = (page: Page, email: string, next: string) => signInAs(page, email, demo!.password, next);

  it('the agent waits on the IT queue while the employee files a laptop repair', async () => {
    await signIn(agent, AGENT, '/desk/it');
    await agent.getByRole('heading', { name: 'IT queue', level: 1 }).waitFor();
    await agent.locator('[data-testid^="queue-row-"]').first().waitFor();
    otherKey = ((await agent.locator('[data-testid^="queue-row-"]').first().getAttribute('data-testid')) ?? '').replace('queue-row-', '');
    expect(otherKey).toMatch(/^IT-\d+$/);
    await expectAccessible(agent, 'the IT queue');
    // Anything the agent's page loads from here on must come from a push, not a navigation.
    let navigations = 0;
    agent.on('framenavigated', (frame) => {
      if (frame === agent.mainFrame()) navigations += 1;
    });

    await signIn(employee, EMPLOYEE, '/services/laptop-repair');
    await employee.getByRole('heading', { name: 'Laptop or computer problem', level: 1 }).waitFor();
    await employee.getByRole('radiogroup', { name: 'Which device?' }).getByLabel('Laptop', { exact: true }).check();
    await employee.getByLabel('Asset tag').fill('LW-1234');
    await employee.getByLabel('What happens?').fill('The battery drains in under an hour since Monday.');
    await employee.getByRole('radiogroup', { name: 'Can you work meanwhile?' }).getByLabel('Yes', { exact: true }).check();
    await employee.getByRole('button', { name: 'Send the request' }).click();
    await employee.getByRole('heading', { name: 'Your request is on its way' }).waitFor();
    const keyLine = await employee.getByTestId('request-key-line').textContent();
    requestKey = /^(IT-\d+)/.exec(keyLine ?? '')?.[1] ?? '';
    expect(requestKey).toMatch(/^IT-\d+$/);

    // The new request shows up on the open queue by itself: the server pushed the change.
    const row = agent.getByTestId(`queue-row-${requestKey}`);
    await row.waitFor({ timeout: 30_000 });
    expect(navigations).toBe(0);
    expect(await row.textContent()).toContain('Laptop or computer problem');
    await keepScreenshot(agent, 'journey-2-agent-queue');
  });

  it('the agent assigns it to themself, replies publicly and adds an internal note', async () => {
    onTestFailed(async () => {
      await keepScreenshot(agent, 'journey-2-agent-request-failed');
    });
    await agent.getByTestId(`queue-row-${requestKey}`).getByRole('link', { name: requestKey }).click();
    await agent.getByRole('heading', { name: `${requestKey}: Laptop or computer problem`, level: 1 }).waitFor();
    await agent.getByRole('button', { name: 'Assign to me' }).click();
    await agent.getByTestId('assignee').getByText('Chen Wei').waitFor();

    await agent.getByRole('textbox', { name: 'Reply to requester' }).fill(REPLY);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    const timeline = agent.getByTestId('timeline');
    await timeline.getByText(REPLY).waitFor();

    // The keyboard's way to a note: "n" switches the box to an internal note and puts the cursor in it.
    await agent.getByRole('heading', { name: 'Timeline' }).click();
    await agent.keyboard.press('n');
    const note = agent.getByRole('textbox', { name: 'Internal note' });
    await note.waitFor();
    expect(await note.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await note.fill(NOTE);
    await agent.getByRole('button', { name: 'Add note' }).click();
    const noteEntry = timeline.locator('[data-visibility="internal"]', { hasText: NOTE });
    const notSent = agent.getByRole('alert').filter({ hasText: 'Not sent' });
    await Promise.race([
      noteEntry.waitFor(),
      notSent.waitFor().then(
        async () => {
          throw new Error(`the note was refused: ${await notSent.textContent()}`);
        },
        // No refusal shown: the note's own wait decides (the line below fails if it never came).
        () => undefined,
      ),
    ]);
    expect(await noteEntry.getByText('Internal', { exact: true }).count()).toBe(1);
    // A file for the team only, beside the note: the employee will not see it either.
    const chooser = agent.waitForEvent('filechooser');
    await agent.getByRole('button', { name: 'Attach a file for the team only' }).click();
    await (await chooser).setFiles({ name: 'battery-diagnostics.txt', mimeType: 'text/plain', buffer: Buffer.from('cycle count 1211, capacity 61%') });
    await agent.getByRole('link', { name: 'Download battery-diagnostics.txt' }).waitFor();
    await expectAccessible(agent, 'the request page on the desk');
    await keepScreenshot(agent, 'journey-2-agent-request');
  });

  it('a draft on one request does not follow the agent to another', async () => {
    await agent.getByRole('textbox', { name: 'Internal note' }).fill('Half a thought about the battery');
    // The way a linked request's link goes there: inside the app, without loading the page again.
    await agent.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/desk/requests/${otherKey}`);
    await agent.getByRole('heading', { name: new RegExp(`^${otherKey}: `), level: 1 }).waitFor();
    const reply = agent.getByRole('textbox', { name: 'Reply to requester' });
    await reply.waitFor();
    expect(await reply.inputValue()).toBe('');
    expect(await agent.getByText('Half a thought about the battery').count()).toBe(0);
  });

  it('the employee reads the reply and not the note', async () => {
    await employee.goto(`/requests/${requestKey}`);
    await employee.getByRole('heading', { name: `${requestKey}: Laptop or computer problem`, level: 1 }).waitFor();
    await employee.getByText(REPLY).waitFor();
    expect(await employee.getByText(NOTE).count()).toBe(0);
    await employee.getByRole('heading', { name: 'Files' }).waitFor();
    expect(await employee.getByText('battery-diagnostics.txt').count()).toBe(0);
    expect(await employee.content()).not.toContain('order the battery from the vendor');
    await expectAccessible(employee, 'the employee’s request page');
    await keepScreenshot(employee, 'journey-2-employee-request');
  });
});
