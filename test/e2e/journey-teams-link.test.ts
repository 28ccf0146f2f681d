import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTeamsRequest } from '../../server/modules/channels/signatures/teams-outgoing-webhook.ts';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, startDemo, type DemoRun } from './journey-support.ts';

// Teams names its writers by an Azure AD id, not an e-mail: Chloe writes to Hallway in Teams, is
// given a link, opens it signed out, signs in, comes back to the link with its #token kept,
// confirms, is shown a code, writes `link <code>` from her Teams account, and her next Teams
// message is filed as her.

const EMPLOYEE = 'chloe.nguyen@lumen.example';
const ADMIN = { email: 'root@lumen.example', password: 'journey-admin-password-2026' };
const SECURITY_TOKEN = Buffer.from('journey-teams-outgoing-webhook').toString('base64');
let activityNumber = 0;

describe.skipIf(!chromiumInstalled)('journey: an employee links her Teams account', () => {
  let demo: DemoRun;
  let context: BrowserContext;
  let page: Page;
  let connectionId: string;
  let linkToken: string;
  let code: string;

  /** A signed outgoing-webhook call, as Teams makes it, from Chloe's Teams account. */
  async function chloeSaysInTeams(text: string): Promise<string> {
    activityNumber += 1;
    const body = JSON.stringify({
      type: 'message',
      id: `journey-${activityNumber}`,
      timestamp: new Date().toISOString(),
      from: { id: '29:chloe-bot-framework-id', aadObjectId: 'aad-chloe', name: 'Chloe Nguyen (Teams)' },
      conversation: { id: `19:it@thread.tacv2;messageid=${activityNumber}` },
      text: `<at>Hallway</at> ${text}`,
    });
    const response = await fetch(`${demo.server.url}/api/v1/channels/teams/${connectionId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: signTeamsRequest(SECURITY_TOKEN, body) },
      body,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { text: string }).text;
  }

  beforeAll(async () => {
    demo = await startDemo({ HALLWAY_ADMIN_EMAIL: ADMIN.email, HALLWAY_ADMIN_PASSWORD: ADMIN.password });
    context = await demo.browser.newContext({ baseURL: demo.server.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    const session = await fetch(`${demo.server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await fetch(`${demo.server.url}/api/v1/admin/teams/it/connections`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'teams', name: 'IT help channel', externalId: 'it-help', signingSecret: SECURITY_TOKEN }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    connectionId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await demo?.close();
  });

  it('an unknown Teams writer is given a link, and nothing is filed', async () => {
    const answer = await chloeSaysInTeams('The projector in room 4 shows no picture');
    expect(answer).toContain('nothing was filed');
    const link = /\]\((\S+\/link\/teams#[\w-]+\.[\w-]+)\)/.exec(answer)?.[1];
    expect(link).toBeDefined();
    linkToken = link!.slice(link!.indexOf('#') + 1);
  });

  it('opened signed out, the page sends her to sign in and back with the token kept', async () => {
    await page.goto(`/link/teams#${linkToken}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to Hallway' }).waitFor();
    await page.getByLabel('E-mail address').fill(EMPLOYEE);
    await page.getByLabel(/^Password/).fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Link Teams account “Chloe Nguyen \(Teams\)” to you, Chloe Nguyen\?$/ }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#${linkToken}`);
    await expectAccessible(page, 'the link-your-account page');
    await keepScreenshot(page, 'teams-link');
  });

  it('confirming shows a code and links nothing yet', async () => {
    await page.getByRole('button', { name: 'Get my code' }).click();
    await page.getByRole('heading', { name: 'Your code' }).waitFor();
    const shown = (await page.getByTestId('link-code').textContent()) ?? '';
    expect(shown).toMatch(/^link [2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/);
    code = shown.replace(/^link /, '').replace(' ', '');
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    expect(await page.getByText(/linked to you|Linked:/i).count()).toBe(0);
    await expectAccessible(page, 'the link page showing its code');
    await keepScreenshot(page, 'teams-link-code');
    expect(await chloeSaysInTeams('The projector in room 4 shows no picture')).toContain('nothing was filed');
  });

  it('her code, written from her Teams account, links it, and her next Teams message is filed as her', async () => {
    expect(await chloeSaysInTeams(`link ${code}`)).toBe('Linked to Chloe Nguyen. Write your message again, and Hallway files it as Chloe Nguyen.');
    const answer = await chloeSaysInTeams('The projector in room 4 shows no picture');
    expect(answer).toMatch(/^Filed \*\*IT-\d+\*\* as Chloe Nguyen: The projector in room 4 shows no picture\./);
  });
});
