import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn as signInAs, startDemo, type DemoRun } from './journey-support.ts';

// Issue 5, the writer's side: an IT agent turns a resolved request into a draft article (its question
// and answer, without the requester's name or address), edits it beside the live preview, uploads a
// picture, and submits it for review; a lead of IT publishes it and opens the knowledge report; an
// employee typing a similar question on a service form gets the article suggested. axe at desktop
// and phone widths on each new page.

const AGENT = 'chen.wei@lumen.example'; // Service Desk Analyst, IT
const LEAD = 'tomasz.nowak@lumen.example'; // Service Desk Lead, IT
const EMPLOYEE = 'fiona.gallagher@lumen.example'; // Marketing
const SUBJECT = 'Laptop will not charge'; // a resolved demo request of IT's, asked by Chloe Nguyen
const OTHER_SUBJECT = 'Phishing e-mail pretending to be our CEO'; // another resolved request of IT's
const ADDED = 'If the charger light is off, try another wall socket first.';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// A 1×1 transparent PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe.skipIf(!chromiumInstalled)('issue 5: an agent turns a resolved request into an article that then answers an employee', () => {
  let demo: DemoRun | undefined;
  const contexts: BrowserContext[] = [];
  let agent: Page;
  let lead: Page;
  let employee: Page;
  let requestKey = '';
  let articlePath = '';

  beforeAll(async () => {
    demo = await startDemo();
    for (let index = 0; index < 3; index += 1) contexts.push(await demo.browser.newContext({ baseURL: demo.server.url, viewport: DESKTOP }));
    [agent, lead, employee] = await Promise.all(contexts.map((context) => context.newPage())) as [Page, Page, Page];
  });

  afterAll(async () => {
    await demo?.close();
  });

  const signIn = (page: Page, email: string, next: string) => signInAs(page, email, demo!.password, next);

  /** Sideways scrolling on a phone means something does not fit. */
  const expectFitsPhone = async (page: Page, where: string) => {
    expect((await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number, `${where} is wider than the phone`).toBeLessThanOrEqual(0);
    await expectAccessible(page, `${where} on a phone`);
  };

  it('the agent turns the resolved request into a draft without personal data', async () => {
    await signIn(agent, AGENT, `/desk/it?status=resolved&q=${encodeURIComponent(SUBJECT)}`);
    const row = agent.locator('[data-testid^="queue-row-"]', { hasText: SUBJECT });
    await row.waitFor();
    requestKey = ((await row.getAttribute('data-testid')) ?? '').replace('queue-row-', '');
    expect(requestKey).toMatch(/^IT-\d+$/);
    await agent.goto(`/desk/requests/${requestKey}`);
    await agent.getByRole('heading', { name: `${requestKey}: ${SUBJECT}`, level: 1 }).waitFor();
    const panel = agent.getByRole('region', { name: 'Articles used' });
    await panel.getByText('No article is linked to this request yet.').waitFor();
    await expectAccessible(agent, 'the resolved request with its articles panel');

    await panel.getByRole('button', { name: 'Turn into article' }).click();
    await agent.waitForURL(/\/desk\/articles\/[^/]+$/);
    articlePath = new URL(agent.url()).pathname;
    await agent.getByRole('heading', { name: `Edit: ${SUBJECT}`, level: 1 }).waitFor();
    expect(await agent.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe(SUBJECT);
    const body = await agent.getByRole('textbox', { name: 'Text (Markdown)' }).inputValue();
    expect(body).toContain('## Question');
    expect(body).toContain('stopped charging overnight');
    expect(body).toContain('## Answer');
    expect(body).toContain('replacement');
    for (const personal of ['Chloe', 'Nguyen', 'chloe.nguyen', '@lumen.example']) expect(body, `the draft names ${personal}`).not.toContain(personal);
    // The preview is the server's rendering of the Markdown.
    await agent.getByTestId('article-preview').getByRole('heading', { name: 'Question' }).waitFor();
    await agent.getByRole('link', { name: `Written from request ${requestKey}` }).waitFor();
    await expectAccessible(agent, 'the article editor');
  });

  it('edits it with a note, sees the change in the history, and submits it for review', async () => {
    const body = agent.getByRole('textbox', { name: 'Text (Markdown)' });
    await body.click();
    await agent.keyboard.press('Control+End');
    await body.pressSequentially(`\n\n${ADDED}\n`);
    await agent.getByTestId('article-preview').getByText(ADDED).waitFor();

    await agent.getByRole('combobox', { name: 'Tags' }).fill('laptop');
    await agent.keyboard.press('Enter');
    await agent.getByLabel('What changed (kept in the history)').fill('Added the socket check');
    await agent.getByRole('button', { name: 'Save', exact: true }).click();
    await agent.getByRole('status').getByText('Saved.').waitFor();
    await agent.getByText('Version 2', { exact: true }).first().waitFor();

    const versions = agent.getByTestId('versions');
    await versions.getByText(/^Version 2 by Chen Wei/).waitFor();
    await versions.getByText('“Added the socket check”').waitFor();
    // The diff of versions 1 and 2: the new line is marked with a + (not by colour alone).
    const added = agent.getByTestId('diff').locator('[data-kind="added"]', { hasText: ADDED });
    await added.waitFor();
    expect((await added.innerText()).trim().startsWith('+')).toBe(true);
    expect(await agent.getByTestId('diff').locator('ins').count()).toBeGreaterThan(0);
    await expectAccessible(agent, 'the editor with its history and diff');

    // An agent submits; only a lead publishes.
    const lifecycle = agent.getByRole('region', { name: 'Status' });
    expect(await lifecycle.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await lifecycle.getByRole('button', { name: 'Submit for review' }).click();
    await lifecycle.getByText('Submitted for review.').waitFor();
    await lifecycle.getByText('In review', { exact: true }).waitFor();
    await keepScreenshot(agent, 'agent-writes-article-editor');

    await agent.setViewportSize(PHONE);
    await agent.reload();
    await agent.getByRole('heading', { name: `Edit: ${SUBJECT}`, level: 1 }).waitFor();
    await agent.getByTestId('article-preview').getByText(ADDED).waitFor();
    await expectFitsPhone(agent, 'the article editor');
    await agent.goto(`/desk/it/articles?tab=in_review`);
    await agent.getByRole('heading', { name: 'IT articles', level: 1 }).waitFor();
    await agent.getByRole('link', { name: SUBJECT }).waitFor();
    await expectFitsPhone(agent, 'the team articles');
    await agent.goto('/desk/it/articles/new');
    await agent.getByRole('heading', { name: 'New article', level: 1 }).waitFor();
    await expectFitsPhone(agent, 'a new article');
  });

  it('a lead of IT finds it in review and publishes it', async () => {
    await signIn(lead, LEAD, '/desk/articles');
    await lead.getByRole('heading', { name: 'IT articles', level: 1 }).waitFor();
    expect(new URL(lead.url()).pathname).toBe('/desk/it/articles');
    await lead.getByRole('navigation', { name: 'Article status' }).getByRole('link', { name: 'In review' }).click();
    const link = lead.getByRole('link', { name: SUBJECT });
    await link.waitFor();
    await expectAccessible(lead, 'the team articles in review');
    expect(await link.getAttribute('href')).toBe(articlePath);
    await link.click();
    await lead.getByRole('heading', { name: `Edit: ${SUBJECT}`, level: 1 }).waitFor();
    const lifecycle = lead.getByRole('region', { name: 'Status' });
    await lifecycle.getByRole('button', { name: 'Publish' }).click();
    await lifecycle.getByText('Published.').waitFor();
    await lifecycle.getByText('Published', { exact: true }).waitFor();
    await lead.getByRole('link', { name: 'Open as readers see it' }).waitFor();

    // The request it came from lists it among the articles used.
    await lead.getByRole('link', { name: `Written from request ${requestKey}` }).click();
    await lead.getByRole('region', { name: 'Articles used' }).getByRole('link', { name: SUBJECT }).waitFor();
  });

  it('an employee asking a similar question on a service form gets it suggested', async () => {
    await signIn(employee, EMPLOYEE, '/services/laptop-repair');
    await employee.getByRole('textbox', { name: /^In a few words, what do you need\?/ }).fill('my laptop is not charging');
    const suggestions = employee.getByRole('complementary', { name: 'These may answer it' });
    await suggestions.getByRole('button', { name: SUBJECT }).waitFor();
    // The same search through the API, as the form asks it: the hit is this article.
    const search = await employee.request.get(`/api/v1/search?source=intake&types=article&q=${encodeURIComponent('laptop not charging')}`);
    expect(search.status()).toBe(200);
    const { hits } = (await search.json()) as { hits: { title: string; link: string }[] };
    expect(hits.find((hit) => hit.title === SUBJECT)?.link).toBe(`/kb/${articlePath.split('/').pop()}`);
    await keepScreenshot(employee, 'agent-writes-article-suggested');
  });

  it('the agent adds a picture to the published article where the cursor was', async () => {
    await agent.setViewportSize(DESKTOP);
    await agent.goto(articlePath);
    const body = agent.getByRole('textbox', { name: 'Text (Markdown)' });
    await body.waitFor();
    // The cursor after the added sentence: the picture goes there, on a line of its own.
    const text = await body.inputValue();
    const after = text.indexOf(ADDED) + ADDED.length;
    await body.evaluate((box, at) => {
      const area = box as unknown as { focus(): void; setSelectionRange(start: number, end: number): void };
      area.focus();
      area.setSelectionRange(at, at);
    }, after);
    await body.press('ArrowLeft');
    await body.press('ArrowRight');
    await agent.locator('input[type="file"]').setInputFiles({ name: 'socket.png', mimeType: 'image/png', buffer: PIXEL });
    await agent.getByText('socket.png was added where the cursor was.').waitFor();
    expect(await body.inputValue()).toMatch(new RegExp(`wall socket first\\.\\n!\\[socket\\.png\\]\\(/api/v1/attachments/[0-9a-f-]+/content\\)`));
    await agent.getByTestId('article-preview').locator('img[src^="/api/v1/attachments/"]').waitFor();
    await agent.getByRole('button', { name: 'Save', exact: true }).click();
    await agent.getByRole('status').getByText('Saved.').waitFor();
    // Still published: a published article is edited in place, as a new version.
    await agent.getByRole('region', { name: 'Status' }).getByText('Published', { exact: true }).waitFor();
  });

  it('the agent links the article to another request by searching for it, and unlinks it', async () => {
    await agent.goto(`/desk/it?status=resolved&q=${encodeURIComponent(OTHER_SUBJECT)}`);
    const row = agent.locator('[data-testid^="queue-row-"]', { hasText: OTHER_SUBJECT });
    await row.waitFor();
    const otherKey = ((await row.getAttribute('data-testid')) ?? '').replace('queue-row-', '');
    await agent.goto(`/desk/requests/${otherKey}`);
    const panel = agent.getByRole('region', { name: 'Articles used' });
    await panel.getByText('No article is linked to this request yet.').waitFor();
    await panel.getByRole('searchbox', { name: 'Find an article to link' }).fill('charger light socket');
    await panel.getByRole('searchbox', { name: 'Find an article to link' }).press('Enter');
    await panel.getByRole('button', { name: `Link “${SUBJECT}” to this request` }).click();
    await panel.getByTestId('request-articles').getByRole('link', { name: SUBJECT }).waitFor();
    // Once linked it is no longer offered.
    await panel.getByRole('button', { name: `Link “${SUBJECT}” to this request` }).waitFor({ state: 'detached' });
    await expectAccessible(agent, 'the request with a linked article');
    await panel.getByRole('button', { name: `Unlink “${SUBJECT}”` }).click();
    await panel.getByText('No article is linked to this request yet.').waitFor();
  });

  it('a save made against an older version is refused with a word, and made again on the newer one', async () => {
    await agent.goto(articlePath);
    const title = agent.getByRole('textbox', { name: /^Title/ });
    await title.waitFor();
    // Meanwhile the lead changes the article (through the API, as another tab would).
    const me = (await (await lead.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const current = (await (await lead.request.get(`/api/v1/articles/${articlePath.split('/').pop()}`)).json()) as { version: number };
    const changed = await lead.request.patch(`/api/v1/articles/${articlePath.split('/').pop()}`, {
      headers: { 'if-match': `"${current.version}"`, 'x-csrf-token': me.csrfToken },
      data: { category: 'Hardware', note: 'Filed under hardware' },
    });
    expect(changed.status()).toBe(200);
    await title.fill(`${SUBJECT} or stays at a low level`);
    await agent.getByRole('button', { name: 'Save', exact: true }).click();
    await agent.getByTestId('article-conflict').getByText(/Someone else changed this article/).waitFor();
    // Their version has been read; saving again keeps what was typed and their category.
    await agent.getByRole('button', { name: 'Save', exact: true }).click();
    await agent.getByRole('status').getByText('Saved.').waitFor();
    await agent.getByRole('heading', { name: `Edit: ${SUBJECT} or stays at a low level`, level: 1 }).waitFor();
    expect(await agent.getByRole('combobox', { name: 'Category' }).inputValue()).toBe('Hardware');
  });

  it('past its review date, the article is flagged to its owner on the team articles', async () => {
    await agent.getByLabel('Review by').fill('2026-01-15');
    await agent.getByRole('button', { name: 'Save', exact: true }).click();
    await agent.getByRole('status').getByText('Saved.').waitFor();
    await agent.getByRole('link', { name: 'IT articles' }).click();
    await agent.getByRole('heading', { name: 'IT articles', level: 1 }).waitFor();
    await agent.getByTestId('review-due').getByText(/you own (is|are) past (its|their) review date/).waitFor();
    await agent.getByTestId('review-due').getByRole('link', { name: 'Mine to review' }).click();
    const row = agent.getByTestId(`article-row-${articlePath.split('/').pop()}`);
    await row.getByText('Review due').waitFor();
    await row.getByText('Review by 2026-01-15').waitFor();
    await expectAccessible(agent, 'the articles due for review');
    await keepScreenshot(agent, 'agent-writes-article-review-due');
  });

  it('the lead reads the knowledge report for IT, on a desktop and a phone', async () => {
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge report' }).click();
    await lead.getByRole('heading', { name: 'IT knowledge report', level: 1 }).waitFor();
    expect(new URL(lead.url()).pathname).toBe('/desk/it/knowledge-report');
    await lead.getByRole('heading', { name: 'Questions answered by an article' }).waitFor();
    await lead.getByTestId('deflection-teams').getByRole('rowheader', { name: 'IT' }).waitFor();
    await lead.getByRole('heading', { name: 'Content gaps' }).waitFor();
    await lead.getByTestId('content-gaps').or(lead.getByText('No gaps in this period.')).waitFor();
    await expect.poll(() => lead.getByText(/^From \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(UTC days\)$/).count()).toBe(1);
    await expectAccessible(lead, 'the knowledge report');
    await lead.getByRole('combobox', { name: 'Period' }).click();
    await lead.getByRole('option', { name: 'Last 90 days' }).click();
    await lead.waitForURL(/[?&]days=90/);
    await lead.getByRole('listbox').waitFor({ state: 'detached' });
    await keepScreenshot(lead, 'agent-writes-article-report');
    await lead.setViewportSize(PHONE);
    await lead.reload();
    await lead.getByRole('heading', { name: 'Content gaps' }).waitFor();
    await expectFitsPhone(lead, 'the knowledge report');
  });
});
