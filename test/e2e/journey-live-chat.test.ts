import { createServer } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn as signInAs, startDemo, type DemoRun } from './journey-support.ts';

// Issue 6's live chat, done when: an employee starts a chat with IT; an agent on shift (another
// browser) picks it up and replies; the employee reads it live and answers; the employee closes the
// panel, the agent replies again, and that reply goes out by e-mail (caught by a local relay) with a
// Reply-To that threads; the employee's e-mail answer, sent into Hallway's SMTP listener, appears on
// the agent's request page.

const ADMIN = 'admin@hallway.local';
const AGENT = 'chen.wei@lumen.example'; // Service Desk Analyst, IT
const EMPLOYEE = 'chloe.nguyen@lumen.example';
const FIRST = 'My VPN drops every ten minutes since this morning';
const REPLY = 'Hi Chloe, which VPN client version do you have?';
const ANSWER = 'Version 5.2, the one from the software centre';
const AFTER_LEFT = 'Please update to 5.3: it fixes the drops. Tell me if it keeps happening.';
const BY_MAIL = 'Updated to 5.3 and it has been stable for an hour, thanks!';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

describe.skipIf(!chromiumInstalled)('journey: a live chat, continued by e-mail', () => {
  let demo: DemoRun | undefined;
  let relay: SmtpSink | undefined;
  let smtpPort: number;
  let agentContext: BrowserContext;
  let employeeContext: BrowserContext;
  let agent: Page;
  let employee: Page;
  let chatKey: string;

  beforeAll(async () => {
    relay = await startSmtpSink();
    smtpPort = await freePort();
    demo = await startDemo({ HALLWAY_SMTP_PORT: String(smtpPort), HALLWAY_MAIL_RELAY_URL: relay.url, HALLWAY_TIMER_POLL_MS: '250' });
    const { browser, server } = demo;
    // IT receives mail at it@lumen.example: the address replies come back to (set as an admin would).
    const adminPassword = /\bpassword {2,}(\S+)/.exec(server.output())?.[1];
    if (!adminPassword) throw new Error(`the first start printed no administrator password:\n${server.output()}`);
    const admin = await browser.newContext({ baseURL: server.url });
    const session = await admin.request.post('/api/v1/session', { data: { email: ADMIN, password: adminPassword } });
    expect(session.status(), await session.text()).toBe(200);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const mail = await admin.request.put('/api/v1/admin/teams/it/mail', { data: { inboundAddress: 'it@lumen.example', unknownSenderRule: 'hold' }, headers: { 'x-csrf-token': csrfToken } });
    expect(mail.status(), await mail.text()).toBe(200);
    await admin.close();

    agentContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    employeeContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    agent = await agentContext.newPage();
    employee = await employeeContext.newPage();
  });

  afterAll(async () => {
    await demo?.close();
    await relay?.close();
  });

  const signIn = (page: Page, email: string, next: string) => signInAs(page, email, demo!.password, next);

  it('the agent goes on shift, and the employee starts a chat with IT', async () => {
    await signIn(agent, AGENT, '/desk/chats');
    await agent.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
    // The switch shows what Hallway recorded: it turns on once the shift is saved.
    const onShift = agent.getByRole('switch', { name: 'On shift for IT' });
    await onShift.click();
    await agent.getByRole('heading', { name: 'Waiting chats: IT' }).waitFor();
    expect(await onShift.isChecked()).toBe(true);
    await agent.getByText('No chat is waiting.').waitFor();
    await expectAccessible(agent, 'the desk chats page at 1280 px');
    await agent.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(agent, 'the desk chats page at 390 px');
    await agent.setViewportSize({ width: 1280, height: 900 });
    let navigations = 0;
    agent.on('framenavigated', (frame) => {
      if (frame === agent.mainFrame()) navigations += 1;
    });

    await signIn(employee, EMPLOYEE, '/chat');
    await employee.getByRole('heading', { name: 'Chat with a team', level: 1 }).waitFor();
    await employee.getByLabel('Team', { exact: true }).selectOption({ label: 'IT' });
    await employee.getByText('IT: someone is on shift now').waitFor();
    await expectAccessible(employee, 'the chat page at 1280 px');
    await employee.getByLabel('Your message').fill(FIRST);
    await employee.getByRole('button', { name: 'Start chat' }).click();
    await employee.getByText('Waiting for someone on shift to pick up your chat…').waitFor();
    const link = employee.getByRole('link', { name: /^Request IT-\d+$/ });
    chatKey = ((await link.textContent()) ?? '').replace('Request ', '');
    expect(chatKey).toMatch(/^IT-\d+$/);
    // The message box has the focus, ready for the next words.
    expect(await employee.getByRole('textbox', { name: 'Message' }).evaluate((box) => box === box.ownerDocument.activeElement)).toBe(true);

    // The waiting chat reaches the agent's open page by itself.
    await agent.getByRole('button', { name: `Pick up the chat “${FIRST}” from Chloe Nguyen` }).waitFor({ timeout: 30_000 });
    expect(navigations).toBe(0);
  });

  it('the agent picks it up and replies; the employee reads it live and answers', async () => {
    onTestFailed(async () => {
      await keepScreenshot(agent, 'journey-chat-agent-failed');
      await keepScreenshot(employee, 'journey-chat-employee-failed');
    });
    await agent.getByRole('button', { name: `Pick up the chat “${FIRST}” from Chloe Nguyen` }).click();
    await agent.getByRole('heading', { name: new RegExp(`^${chatKey}: `), level: 1 }).waitFor();
    await agent.getByTestId('assignee').getByText('Chen Wei').waitFor();
    await employee.getByText('Chen Wei is answering your chat.').waitFor({ timeout: 30_000 });

    await agent.getByRole('textbox', { name: 'Reply to requester' }).fill(REPLY);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    const messages = employee.getByRole('list', { name: 'Messages' });
    await messages.getByText(REPLY).waitFor({ timeout: 30_000 });
    expect(await messages.getByText(/^Chen Wei, /).count()).toBe(1);

    await employee.getByRole('textbox', { name: 'Message' }).fill(ANSWER);
    await employee.getByRole('button', { name: 'Send' }).click();
    await messages.getByText(ANSWER).waitFor();
    await agent.getByTestId('timeline').getByText(ANSWER).waitFor({ timeout: 30_000 });

    await expectAccessible(employee, 'the chat panel at 1280 px');
    await employee.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(employee, 'the chat panel at 390 px');
    await keepScreenshot(employee, 'journey-chat-employee-390');
  });

  it('the employee closes the panel; the agent’s next reply goes by e-mail, and the answer by mail lands on the request', async () => {
    onTestFailed(async () => {
      await keepScreenshot(agent, 'journey-chat-agent-mail-failed');
    });
    await employee.getByRole('button', { name: 'Close chat' }).click();
    await employee.getByText(/This chat has ended/).waitFor();

    await agent.getByRole('textbox', { name: 'Reply to requester' }).fill(AFTER_LEFT);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await agent.getByTestId('timeline').getByText(AFTER_LEFT).waitFor();

    // The relay receives the follow-up; earlier replies (read in the chat) were never mailed.
    const followUp = await waitForMail(relay!, (text) => text.includes(AFTER_LEFT));
    const parsed = await simpleParser(followUp.raw);
    expect(followUp.to).toEqual([EMPLOYEE]);
    expect(parsed.text).not.toContain(REPLY);
    const replyTo = parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^it\+r-[0-9a-f]{32}@lumen\.example$/);
    expect(relay!.received.filter((mail) => mail.raw.toString('utf8').includes('which VPN client version'))).toEqual([]);

    // Chloe answers from her mail client, into Hallway's own SMTP listener.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: `Chloe Nguyen <${EMPLOYEE}>`,
      to: replyTo,
      subject: `Re: ${parsed.subject ?? ''}`,
      inReplyTo: parsed.messageId,
      // As her mail client writes it: the attribution with its date, then the quoted mail.
      text: `${BY_MAIL}\n\nOn Thu, 26 Nov 2026 at 10:02, Chen Wei <it@lumen.example> wrote:\n> ${AFTER_LEFT}`,
    });
    transport.close();

    await agent.getByTestId('timeline').getByText(BY_MAIL).waitFor({ timeout: 60_000 });
    await keepScreenshot(agent, 'journey-chat-agent-request');

    // The timeline shows her words without the quoted history; the whole mail is a click away.
    expect(await agent.getByTestId('timeline').getByText(/Chen Wei wrote:/).count()).toBe(0);
    await agent.getByRole('button', { name: /^Show the whole message: Chloe Nguyen/ }).click();
    const whole = agent.getByRole('dialog');
    await whole.getByText(`> ${AFTER_LEFT}`).waitFor();
    await whole.getByText(/On Thu, 26 Nov 2026 at 10:02, Chen Wei/).waitFor();
    await expectAccessible(agent, 'the whole mail behind a reply');
    await keepScreenshot(agent, 'journey-chat-whole-mail');
  });
});

/** The first mail the relay received whose text satisfies `matches`, waiting for it as mail keeps arriving. */
async function waitForMail(relay: SmtpSink, matches: (text: string) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const mail of relay.received) {
      const parsed = await simpleParser(mail.raw);
      if (matches(parsed.text ?? '')) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no such mail among ${relay.received.length} received`);
    await relay.waitFor(relay.received.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}
