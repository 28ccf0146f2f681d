import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible as expectPageAccessible, signIn, startDemo, type DemoRun } from './journey-support.ts';

// Issue 5's employee journey: someone about to ask IT about a slow laptop is shown the help article
// that answers it beside the form, reads it, says "This solved it", and nothing is filed. Someone
// else asks anyway, and the filing says which articles they saw. A misspelt search from the help
// home still finds the password article, whose "Was this helpful?" takes a vote and a comment.
// The articles are the demo's (server/modules/demo/demo-articles-it.ts).

const EMPLOYEE = 'chloe.nguyen@lumen.example';
const SLOW_LAPTOP = { slug: 'laptop-running-slow', title: 'Laptop running slow' };
const PASSWORD = { slug: 'reset-your-password', title: 'Reset your password' };
const PHONE = { width: 390, height: 844 };

interface ArticleRead {
  id: string;
  stats: { views: number; helpful: number };
  myFeedback: { helpful: boolean; comment: string | null } | null;
}

/** How many requests the signed-in person has filed, through the API as an integration would ask. */
async function myRequestCount(page: Page): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const response = await page.request.get(`/api/v1/requests?requester=me&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    count += body.items.length;
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

async function readArticle(page: Page, slug: string): Promise<ArticleRead> {
  const response = await page.request.get(`/api/v1/articles/${slug}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ArticleRead;
}

function isFiling(request: Request, service: string): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname === `/api/v1/services/${service}/requests`;
}

describe.skipIf(!chromiumInstalled)('journey: an employee helps themself from the knowledge base', () => {
  let demo: DemoRun;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemo();
    page = await (await demo.browser.newContext({ baseURL: demo.server.url, viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, EMPLOYEE, demo.password);
    await page.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await demo?.close();
  });

  const expectAccessible = (where: string) => expectPageAccessible(page, where);

  it('sees the answer beside the form, reads it, says it solved it, and nothing is filed', async () => {
    const requestsBefore = await myRequestCount(page);
    const viewsBefore = (await readArticle(page, SLOW_LAPTOP.slug)).stats.views;
    let filed = false;
    const watchFilings = (request: Request) => {
      if (isFiling(request, 'laptop-repair')) filed = true;
    };
    page.on('request', watchFilings);

    await page.getByRole('link', { name: 'Laptop or computer problem' }).click();
    await page.getByRole('heading', { name: 'Laptop or computer problem', level: 1 }).waitFor();
    await page.getByLabel('In a few words, what do you need?').fill('My laptop is running very slow');

    const suggestions = page.getByRole('complementary', { name: 'These may answer it' });
    const suggestion = suggestions.getByRole('button', { name: SLOW_LAPTOP.title });
    await suggestion.waitFor();
    await page.getByRole('status').filter({ hasText: /help articles? may answer it/ }).waitFor();
    expect(await page.getByRole('link', { name: /may answer it: see (it|them) below the form/ }).isVisible()).toBe(false);
    // Beside the form on a wide screen: its left edge is right of the form's.
    const formBox = (await page.locator('form').filter({ has: page.getByRole('button', { name: 'Send the request' }) }).boundingBox())!;
    const asideBox = (await suggestions.boundingBox())!;
    expect(asideBox.x).toBeGreaterThanOrEqual(formBox.x + formBox.width);
    // The snippet marks the words that matched.
    expect(await suggestions.locator('mark').count()).toBeGreaterThan(0);
    await expectAccessible('the service form with suggestions');

    await suggestion.click();
    const drawer = page.getByRole('dialog', { name: SLOW_LAPTOP.title });
    await drawer.waitFor();
    await drawer.getByRole('button', { name: 'This solved it' }).waitFor();
    await expect.poll(async () => (await readArticle(page, SLOW_LAPTOP.slug)).stats.views).toBe(viewsBefore + 1);
    await expectAccessible('a suggested article in the drawer');
    await keepScreenshot(page, 'journey-kb-suggested-article');

    await drawer.getByRole('button', { name: 'This solved it' }).click();
    await page.getByRole('heading', { name: 'Glad that helped — nothing was filed' }).waitFor();
    // Focus follows the news (the drawer and its button are gone).
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Glad that helped — nothing was filed');
    await page.getByRole('link', { name: 'Back to the catalog' }).waitFor();
    await expectAccessible('the deflected state');
    await keepScreenshot(page, 'journey-kb-deflected');

    expect(await myRequestCount(page)).toBe(requestsBefore);
    page.off('request', watchFilings);
    expect(filed).toBe(false);
    await page.getByRole('link', { name: 'Back to the catalog' }).click();
    await page.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
  });

  it('comes from a search, asks anyway after reading, and the filing names the search and the articles shown and opened', async () => {
    const requestsBefore = await myRequestCount(page);
    const slowLaptop = await readArticle(page, SLOW_LAPTOP.slug);
    const searched = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/v1/search' && url.searchParams.get('source') === 'portal';
    });
    await page.goto('/search?q=laptop');
    const { searchId } = (await (await searched).json()) as { searchId: number | null };
    expect(searchId).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Laptop or computer problem', exact: true }).click();
    await page.getByRole('heading', { name: 'Laptop or computer problem', level: 1 }).waitFor();
    await page.getByLabel('In a few words, what do you need?').fill('Laptop running slow since the update');
    const suggestion = page.getByRole('complementary', { name: 'These may answer it' }).getByRole('button', { name: SLOW_LAPTOP.title });
    await suggestion.waitFor();
    await suggestion.click();
    const drawer = page.getByRole('dialog', { name: SLOW_LAPTOP.title });
    await drawer.getByRole('button', { name: 'Back to the form' }).click();
    await drawer.waitFor({ state: 'detached' });

    await page.getByRole('radiogroup', { name: 'Which device?' }).getByLabel('Laptop', { exact: true }).check();
    await page.getByLabel('Asset tag').fill('LW-2345');
    await page.getByLabel('What happens?').fill('Everything takes a minute to open since Tuesday.');
    await page.getByRole('radiogroup', { name: 'Can you work meanwhile?' }).getByLabel('Partly', { exact: true }).check();
    const filing = page.waitForRequest((request) => isFiling(request, 'laptop-repair'));
    await page.getByRole('button', { name: 'Send the request' }).click();
    const body = (await filing).postDataJSON() as { subject?: string; knowledge?: { shownArticleIds?: string[]; openedArticleIds?: string[]; searchId?: number } };
    expect(body.subject).toBe('Laptop running slow since the update');
    expect(body.knowledge?.shownArticleIds).toContain(slowLaptop.id);
    expect(body.knowledge?.openedArticleIds).toEqual([slowLaptop.id]);
    expect(body.knowledge?.searchId).toBe(searchId);

    await page.getByRole('heading', { name: 'Your request is on its way' }).waitFor();
    expect(await myRequestCount(page)).toBe(requestsBefore + 1);
  });

  it('finds the password article from the help home despite the typos', async () => {
    await page.getByRole('link', { name: 'Help articles' }).click();
    await page.getByRole('heading', { name: 'Help articles', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'By team', level: 2 }).waitFor();
    await page.getByRole('link', { name: PASSWORD.title }).first().waitFor();
    await expectAccessible('the help home');
    await keepScreenshot(page, 'journey-kb-home');

    await page.getByLabel('Search help articles, services and teams').fill('pasword rest');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('pasword rest');
    const results = page.getByRole('list', { name: /results? for “pasword rest”/ });
    const hit = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: PASSWORD.title }) });
    await hit.waitFor();
    await hit.getByText('Article', { exact: true }).waitFor();
    await expectAccessible('search results');
    await keepScreenshot(page, 'journey-kb-search');

    // Only the articles: the filter lives in the address.
    await page.getByText('Articles', { exact: true }).click();
    await page.waitForURL(/types=article/);
    await hit.waitFor();
    expect(await results.getByText(/^(Service|Team|Holiday)$/).count()).toBe(0);
  });

  it("opens the article, says it helped with a comment, and the team's page is a link away", async () => {
    await page.getByRole('link', { name: PASSWORD.title }).first().click();
    await page.getByRole('heading', { name: PASSWORD.title, level: 1 }).waitFor();
    await page.getByText(/^From IT$/).waitFor();
    await page.getByText(/^Updated \d{1,2} \w{3} \d{4}$/).first().waitFor();
    await expectAccessible('an article');

    const vote = page.getByRole('region', { name: 'Was this helpful?' });
    await vote.getByRole('button', { name: 'Yes' }).click();
    await vote.getByText('Thanks for telling us.').waitFor();
    await vote.getByLabel(/Anything to add\?/).fill('The self-service link was exactly it.');
    await vote.getByRole('button', { name: 'Send the comment' }).click();
    await vote.getByText('Thanks, the team will read your comment.').waitFor();
    await expectAccessible('an article after voting');
    await keepScreenshot(page, 'journey-kb-article-voted');
    const article = await readArticle(page, PASSWORD.slug);
    expect(article.myFeedback).toEqual({ helpful: true, comment: 'The self-service link was exactly it.' });

    // Coming back shows the answer given, not the question again.
    await page.reload();
    await page.getByRole('region', { name: 'Was this helpful?' }).getByText('You said this helped.').waitFor();

    await page.getByRole('link', { name: 'Still stuck? See what IT offers' }).click();
    await page.getByRole('heading', { name: 'IT', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'What you can ask for' }).waitFor();
    await page.getByRole('link', { name: 'Laptop or computer problem' }).waitFor();
    await expectAccessible('a team page');
    await keepScreenshot(page, 'journey-kb-team');
  });

  it('on a phone, shows the suggestions below the form and the help pages fit', async () => {
    const phone = await (await demo.browser.newContext({ baseURL: demo.server.url, viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await signIn(phone, EMPLOYEE, demo.password, '/services/laptop-repair', 'not asked');
    await phone.getByRole('heading', { name: 'Laptop or computer problem', level: 1 }).waitFor();
    await phone.getByLabel('In a few words, what do you need?').fill('laptop running slow');
    const suggestions = phone.getByRole('complementary', { name: 'These may answer it' });
    await suggestions.getByRole('button', { name: SLOW_LAPTOP.title }).waitFor();
    // Out of sight below the form, so a line above the form points to them.
    await phone.getByRole('link', { name: /may answer it: see (it|them) below the form/ }).waitFor();
    const formBox = (await phone.locator('form').filter({ has: phone.getByRole('button', { name: 'Send the request' }) }).boundingBox())!;
    const asideBox = (await suggestions.boundingBox())!;
    expect(asideBox.y).toBeGreaterThanOrEqual(formBox.y + formBox.height);
    expect(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await expectPageAccessible(phone, 'the service form with suggestions on a phone');
    await suggestions.getByRole('button', { name: SLOW_LAPTOP.title }).click();
    await phone.getByRole('dialog', { name: SLOW_LAPTOP.title }).getByRole('button', { name: 'This solved it' }).waitFor();
    await expectPageAccessible(phone, 'a suggested article on a phone');
    await keepScreenshot(phone, 'journey-kb-phone-drawer');
  });
});
