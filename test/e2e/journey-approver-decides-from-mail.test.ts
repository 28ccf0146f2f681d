import { simpleParser } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, startDemo, type DemoRun } from './journey-support.ts';

// An approval decided from the mail: Chloe books time off, her manager Ryan gets a mail with
// one-click links (through the relay, here a local sink), opens the Approve link in a browser that
// is not signed in, sees what it will do (opening it decides nothing) and confirms.

const EMPLOYEE = 'chloe.nguyen@lumen.example';
const MANAGER = 'ryan.brooks@lumen.example';
const ADMIN = { email: 'root@lumen.example', password: 'journey-admin-password-2026' };

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Calls the API as a person signed in with a session cookie, as the web app would. */
async function apiAs(baseUrl: string, email: string, password: string) {
  const signedIn = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(signedIn.status).toBe(200);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

describe.skipIf(!chromiumInstalled)('journey: a manager approves from the approval mail', () => {
  let sink: SmtpSink;
  let demo: DemoRun;
  let context: BrowserContext;
  let page: Page;
  let key: string;
  let token: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    demo = await startDemo({ HALLWAY_MAIL_RELAY_URL: sink.url, HALLWAY_ADMIN_EMAIL: ADMIN.email, HALLWAY_ADMIN_PASSWORD: ADMIN.password });
    context = await demo.browser.newContext({ baseURL: demo.server.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await demo?.close();
    await sink?.close();
  });

  it('the request waits for approval, and the manager is mailed a link', async () => {
    const admin = await apiAs(demo.server.url, ADMIN.email, ADMIN.password);
    const mail = await admin('PUT', '/admin/teams/hr/mail', { inboundAddress: 'hr@lumen.example' });
    expect(mail.status, JSON.stringify(mail.body)).toBe(200);

    const chloe = await apiAs(demo.server.url, EMPLOYEE, demo.password);
    const filed = await chloe('POST', '/services/book-time-off/requests', {
      answers: { leave_type: 'annual', first_day: dayFromNow(30), last_day: dayFromNow(32), working_days: 3 },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    key = filed.body.key as string;

    const delivered = await sink.waitFor(2, 60_000);
    const toManager = delivered.find((message) => message.to.includes(MANAGER));
    expect(toManager, 'a mail to the manager').toBeDefined();
    const parsed = await simpleParser(toManager!.raw);
    expect(parsed.subject).toContain(`[${key}]`);
    expect(parsed.from?.value[0]?.address).toBe('hr@lumen.example');
    const link = /Approve: (\S+)/.exec(parsed.text ?? '')?.[1];
    expect(link).toMatch(/\/approvals\/decide#/);
    token = link!.slice(link!.indexOf('#') + 1);
  });

  it('opening the link signed out shows what it will do and decides nothing', async () => {
    await page.goto(`/approvals/decide#${token}`);
    await page.getByRole('heading', { name: 'Approve this request?' }).waitFor();
    await expectAccessible(page, 'the one-click approval page');
    await keepScreenshot(page, 'approval-from-mail');
    const ryan = await apiAs(demo.server.url, MANAGER, demo.password);
    const waiting = await ryan('GET', '/approvals?status=pending');
    expect((waiting.body.items as Array<{ request: { key: string } }>).map((item) => item.request.key)).toContain(key);
  });

  it('confirming approves it, and the request starts', async () => {
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Approved: ${key}`).waitFor();
    const chloe = await apiAs(demo.server.url, EMPLOYEE, demo.password);
    const request = await chloe('GET', `/requests/${key}`);
    expect(request.body.status).toBe('new');
  });
});
