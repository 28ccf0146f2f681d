import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn, startDemo, type DemoRun } from './journey-support.ts';

// The console's channel screens and token scopes, as an admin uses them, on a desk and on a phone:
// a token made for reading requests only, a team's mail address and Slack workspace, the channels
// section. axe judges each page at both widths.

const ADMIN = 'admin@hallway.local';

describe.skipIf(!chromiumInstalled)('admin: channels per team and scoped tokens', () => {
  let run: DemoRun | undefined;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    run = await startDemo();
    const password = /\bpassword {2,}(\S+)/.exec(run.server.output())?.[1];
    if (!password) throw new Error(`the first start printed no administrator password:\n${run.server.output()}`);
    context = await run.browser.newContext({ baseURL: run.server.url, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, ADMIN, password, '/', 'Ask me later');
    await page.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await run?.close();
  });

  async function atBothWidths(where: string): Promise<void> {
    await expectAccessible(page, `${where} at 1280 px`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, `${where} at 390 px`);
    await keepScreenshot(page, `admin-channels-${where.replace(/\W+/g, '-')}-phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('makes a token that may only read requests, and lists its scope', async () => {
    await page.goto('/admin/tokens');
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByLabel(/^Name/).fill('Nightly report');
    // Ticking a change scope brings its read scope; unticking it leaves the read.
    await page.getByRole('checkbox', { name: /^requests:write/ }).check();
    expect(await page.getByRole('checkbox', { name: /^requests:read/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^requests:write/ }).uncheck();
    await page.getByRole('button', { name: 'Create a token' }).click();
    const secret = await page.getByTestId('token-secret').textContent();
    expect(secret).toMatch(/^hwt_/);
    await page.getByRole('cell', { name: 'requests:read', exact: true }).waitFor();
    await atBothWidths('the tokens page');

    const asToken = (url: string) => page.request.get(url, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken('/api/v1/requests')).status()).toBe(200);
    const refused = await asToken('/api/v1/people');
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScope: 'people:read' });
  });

  it('gives a team a mail address and a Slack workspace from its page', async () => {
    await page.goto('/admin/teams');
    await page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Facilities' }).first().click();
    await page.getByRole('link', { name: 'Channels: e-mail and chat apps' }).click();
    await page.getByRole('heading', { name: 'Facilities: channels', level: 1 }).waitFor();
    const address = page.getByLabel(/^Team address/);
    await address.fill('facilities-desk@lumen.example');
    await page.getByRole('button', { name: 'Save mail settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);

    await page.getByLabel(/^Name/).fill('Lumen Slack');
    await page.getByLabel(/^Workspace, webhook or phone number/).fill('T0FACILITY');
    await page.getByLabel(/^Signing secret/).fill('a-signing-secret-of-some-length');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('cell', { name: 'Lumen Slack', exact: true }).waitFor();
    expect(await page.getByRole('switch', { name: 'Turn Lumen Slack off' }).isChecked()).toBe(true);
    // The secret is write-only: it is nowhere on the page once saved.
    expect(await page.content()).not.toContain('a-signing-secret-of-some-length');
    await atBothWidths('a team’s channels');
  });

  it('connects an SMS gateway (a malformed sending number told at its field first) and a Teams webhook', async () => {
    onTestFailed(async () => {
      await keepScreenshot(page, 'admin-channels-sms-teams-failed');
    });
    // Still on Facilities' channels page.
    await page.getByRole('combobox', { name: /^Kind/ }).click();
    await page.getByRole('option', { name: 'SMS gateway', exact: true }).click();
    await page.getByLabel(/^Name/).fill('Facilities SMS');
    await page.getByLabel(/^Workspace, webhook or phone number/).fill('+4930555000111');
    await page.getByLabel(/^Signing secret/).fill('a-gateway-auth-token');
    await page.getByLabel(/^Gateway send URL/).fill('https://sms-gateway.lumen.example/messages');
    await page.getByLabel(/^Sending number/).fill('030 555 000111');
    await page.getByRole('button', { name: 'Connect' }).click();
    // The server's refusal lands at the field, and nothing is connected.
    await page.getByText(/must be a phone number in E\.164 form/i).waitFor();
    expect(await page.getByRole('cell', { name: 'Facilities SMS', exact: true }).count()).toBe(0);
    await page.getByLabel(/^Sending number/).fill('+4930555000111');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('cell', { name: 'Facilities SMS', exact: true }).waitFor();

    await page.getByRole('combobox', { name: /^Kind/ }).click();
    await page.getByRole('option', { name: 'Microsoft Teams', exact: true }).click();
    await page.getByLabel(/^Name/).fill('Facilities channel in Teams');
    await page.getByLabel(/^Workspace, webhook or phone number/).fill('facilities-teams-hook');
    // The security token Teams shows is base64.
    await page.getByLabel(/^Signing secret/).fill(Buffer.from('a Teams security token').toString('base64'));
    await page.getByLabel(/^Teams incoming webhook URL/).fill('https://lumen.webhook.office.com/webhookb2/secret-part');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('cell', { name: 'Facilities channel in Teams', exact: true }).waitFor();
    // The incoming webhook's URL is a bearer secret of its own: only its origin is shown.
    expect(await page.content()).not.toContain('secret-part');
    await atBothWidths('a team’s SMS and Teams connections');
  });

  it('shows inbound mail, the outbox and webhooks in the channels section', async () => {
    await page.goto('/admin');
    await page.getByRole('link', { name: /^Channels/ }).click();
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    for (const name of ['Inbound mail kept for review', 'Outbox', 'Outgoing webhooks', 'Inbound webhooks']) await page.getByRole('heading', { name, level: 2 }).waitFor();
    // An outgoing webhook: its secret is shown once.
    await page.getByLabel(/^Name/).first().fill('Status board');
    await page.getByLabel(/^URL/).fill('https://status.lumen.example/hallway');
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    expect(await page.getByTestId('webhook-secret').textContent()).toBeTruthy();
    await page.getByRole('cell', { name: 'https://status.lumen.example/hallway' }).waitFor();
    await page.getByRole('button', { name: 'Deliveries of Status board' }).click();
    await page.getByRole('heading', { name: 'Deliveries of Status board' }).waitFor();
    await atBothWidths('the channels section');
  });
});
