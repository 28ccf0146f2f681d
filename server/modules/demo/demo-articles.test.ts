import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { ArticleSummary } from '../knowledge/articles.schema.ts';
import { demoArticles } from './demo-articles-data.ts';
import { seedDemoArticles } from './demo-articles.ts';
import { insertDemoDirectory, type DemoDirectory } from './demo-directory.ts';

// The demo's knowledge base: every article of the data published by its team's lead, dated and
// counted, plus two still being written; readers see what their role lets them.

const now = new Date('2026-11-20T10:00:00Z');
let t: TestApp;
let directory: DemoDirectory;
let written = 0;

beforeAll(async () => {
  t = await createTestApp();
  const passwordHash = await hashPassword('demo password for tests');
  written = await t.database.db.transaction(async (tx) => {
    directory = await insertDemoDirectory(tx, passwordHash);
    return seedDemoArticles(tx, directory, now);
  });
});
afterAll(() => t.close());

const headersOf = (handle: string) => bearerFor(t.database, directory.personIdByHandle.get(handle)!);
async function everyArticle(handle: string): Promise<ArticleSummary[]> {
  const headers = await headersOf(handle);
  const items: ArticleSummary[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const url: string = `/api/v1/articles?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await t.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    const page: { items: ArticleSummary[]; nextCursor: string | null } = response.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return items;
}

describe('the demo knowledge base', () => {
  it('publishes every article of the data, and has one draft and one in review', async () => {
    expect(written).toBe(demoArticles.length + 2);
    const statuses = await t.database.rows<{ status: string; count: number }>(sql`select status, count(*)::int as count from articles group by status order by status`);
    expect(statuses).toEqual([
      { status: 'draft', count: 1 },
      { status: 'in_review', count: 1 },
      { status: 'published', count: demoArticles.length },
    ]);
  });

  it('dates each article its age ago, with its helpfulness, published by the lead and kept by its owner', async () => {
    const [reset] = await t.database.rows<{ published_at: string; helpful: number; not_helpful: number; views: number; owner: string; publisher: string }>(sql`
      select a.published_at::text, s.helpful, s.not_helpful, s.views, o.email as owner,
             (select p.email from article_versions v join people p on p.id = v.edited_by where v.article_id = a.id and v.status = 'published') as publisher
      from articles a join article_stats s on s.article_id = a.id join people o on o.id = a.owner_id where a.slug = 'reset-your-password'`);
    const data = demoArticles.find((article) => article.slug === 'reset-your-password')!;
    expect(new Date(reset!.published_at).getTime()).toBe(now.getTime() - data.ageDays * 86_400_000);
    expect(reset).toMatchObject({ helpful: data.helpful, not_helpful: data.notHelpful, owner: `${data.owner}@lumen.example`, publisher: 'priya.raman@lumen.example' });
    expect(reset!.views).toBeGreaterThan(data.helpful + data.notHelpful);
  });

  it('shows an employee only what is for everyone, and IT its drafts and its own articles', async () => {
    const forEveryone = demoArticles.filter((article) => article.visibility === 'everyone').length;
    const employee = await everyArticle('chloe.nguyen');
    expect(employee).toHaveLength(forEveryone);
    expect(employee.every((item) => item.status === 'published' && item.visibility === 'everyone')).toBe(true);

    const itAgent = await everyArticle('daniel.osei');
    expect(itAgent.map((item) => item.slug)).toContain('replace-a-laptop-battery');
    expect(itAgent.map((item) => item.slug)).not.toContain('parental-leave-what-changes-in-2027');
    expect(itAgent.filter((item) => item.visibility !== 'everyone').length).toBeGreaterThan(0);
  });

  it('renders every body to sanitised HTML', async () => {
    const bodies = await t.database.rows<{ slug: string; body_html: string }>(sql`select slug, body_html from articles`);
    for (const { slug, body_html: html } of bodies) {
      expect(html.length, slug).toBeGreaterThan(0);
      expect(html, slug).not.toMatch(/<script|javascript:/i);
    }
  });
});
