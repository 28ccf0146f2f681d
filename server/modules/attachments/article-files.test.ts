import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildCast, type Cast, type Role } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { articleCalls } from '../knowledge/articles.test-support.ts';
import { postFile } from './attachments.test-support.ts';

// An article's files (its images, a short video): added by the team's agents, read by whoever may
// read the article, and never deleted as an unclaimed upload.

let t: TestApp;
let cast: Cast;
const { write, move, published } = articleCalls(() => t, () => cast);

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

const upload = (role: Role, slug: string, content = 'PNGDATA') =>
  postFile(t.app, `/api/v1/articles/${slug}/attachments`, cast.headers[role], { name: 'step-1.png', type: 'image/png', content });
const open = (role: Role, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers: cast.headers[role] });
const READERS: Role[] = ['employee', 'agentOfOtherTeam', 'agent', 'lead', 'admin'];
async function whoOpens(id: string): Promise<Role[]> {
  const opened: Role[] = [];
  for (const role of READERS) {
    const response = await open(role, id);
    if (response.statusCode === 200) opened.push(role);
    else expect(response.statusCode).toBe(404);
  }
  return opened;
}

describe("an article's files", () => {
  it('are added by an agent of the team, and follow the article from draft to published', async () => {
    const draft = await write(cast.headers.agent, { visibility: 'everyone' });
    const sent = await upload('agent', draft.slug);
    expect(sent.statusCode, sent.body).toBe(201);
    const file = sent.json();
    expect(file).toEqual({ id: file.id, fileName: 'step-1.png', contentType: 'image/png', sizeBytes: 7, url: `/api/v1/attachments/${file.id}/content` });
    expect(await whoOpens(file.id)).toEqual(['agent', 'lead', 'admin']);

    const publishedView = await move(cast.headers.lead, draft.slug, draft.version, 'published');
    expect(publishedView.statusCode).toBe(200);
    expect(await whoOpens(file.id)).toEqual(READERS);
    const bytes = await open('employee', file.id);
    expect(bytes.body).toBe('PNGDATA');
    expect(bytes.headers['content-type']).toBe('image/png');
  });

  it("of an agents-only article stay with agents; of a team-only article with the team", async () => {
    const agentsOnly = await published({ visibility: 'agents' });
    const teamOnly = await published({ visibility: 'team' });
    expect(await whoOpens((await upload('lead', agentsOnly.slug)).json().id)).toEqual(['agentOfOtherTeam', 'agent', 'lead', 'admin']);
    expect(await whoOpens((await upload('admin', teamOnly.slug)).json().id)).toEqual(['agent', 'lead', 'admin']);
  });

  it('are refused to readers who may not edit (403) and to those who may not read the article (404), writing nothing', async () => {
    const article = await published();
    const draft = await write(cast.headers.agent);
    const before = await fingerprint(t.database);
    expect((await upload('employee', article.slug)).statusCode).toBe(403);
    expect((await upload('agentOfOtherTeam', article.slug)).statusCode).toBe(403);
    expect((await upload('employee', draft.slug)).statusCode).toBe(404);
    expect((await upload('agent', 'no-such-article')).statusCode).toBe(404);
    const noFile = await postFile(t.app, `/api/v1/articles/${article.slug}/attachments`, cast.headers.agent, undefined, { note: 'x' });
    expect(noFile.statusCode).toBe(400);
    const extraPart = await postFile(t.app, `/api/v1/articles/${article.slug}/attachments`, cast.headers.agent, { content: 'x' }, { visibility: 'internal' });
    expect(extraPart.statusCode).toBe(400);
    expect(extraPart.json().errors[0].field).toBe('body.visibility');
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('are never deleted as unclaimed uploads', async () => {
    const article = await published();
    const { id } = (await upload('agent', article.slug)).json();
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date(Date.now() + 48 * 3_600_000) });
    expect((await open('employee', id)).statusCode).toBe(200);
  });
});
