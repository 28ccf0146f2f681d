import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// A plain filing (no service) runs the modules' reactions only when one may act on it, asked from
// memory (decision 0022): these tests change what is remembered between filings in one process, so
// a cache that missed a change announcement would leave a filing unacknowledged or unannounced.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const file = async (subject: string) => {
  const answer = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: cast.headers.employee, payload: { team: cast.team.slug, subject } });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json<{ key: string }>().key;
};
const count = async (query: ReturnType<typeof sql>) => (await t.database.rows<{ count: number }>(query))[0]!.count;
const acknowledgementsOf = (key: string) =>
  count(sql`select count(*)::int as count from outbound_messages where kind = 'acknowledgement' and request_id = (select id from requests where key = ${key})`);
const webhookDeliveriesOf = (key: string) =>
  count(sql`select count(*)::int as count from http_deliveries where purpose = 'webhook' and request_id = (select id from requests where key = ${key})`);

/** Change announcements arrive after the commit; the next filing must not beat them (as in practice). */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('a plain filing and the reactions that may act on it', () => {
  it('is acknowledged by mail once its team has an address, though "no address" was remembered before', async () => {
    const quiet = await file('Before the team had an address');
    expect(await acknowledgementsOf(quiet)).toBe(0);

    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/teams/${cast.team.slug}/mail`,
      headers: cast.headers.admin,
      payload: { inboundAddress: 'plain-filing@hallway.test' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await settle();
    expect(await acknowledgementsOf(await file('After the team has an address'))).toBe(1);

    const removed = await t.database.rows(sql`delete from team_mail_settings where team_id = ${cast.team.id} returning team_id`);
    expect(removed).toHaveLength(1);
    await settle();
    expect(await acknowledgementsOf(await file('After the address was removed'))).toBe(0);
  });

  it('is announced to an outgoing webhook created after "nobody listens" was remembered, and not once it is switched off', async () => {
    expect(await webhookDeliveriesOf(await file('Before any webhook'))).toBe(0);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      headers: cast.headers.admin,
      payload: { name: 'Board', url: 'https://board.example.com/hook', eventTypes: ['created'], team: cast.team.slug },
    });
    expect(created.statusCode, created.body).toBe(201);
    await settle();
    expect(await webhookDeliveriesOf(await file('With a webhook listening'))).toBe(1);

    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/webhooks/${created.json().id}`, headers: cast.headers.admin, payload: { enabled: false } });
    expect(off.statusCode, off.body).toBe(200);
    await settle();
    expect(await webhookDeliveriesOf(await file('With the webhook switched off'))).toBe(0);
  });

  it('is not announced to a webhook that listens to other events only', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      headers: cast.headers.admin,
      payload: { name: 'Comments only', url: 'https://comments.example.com/hook', eventTypes: ['commented'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    await settle();
    expect(await webhookDeliveriesOf(await file('Only comments are listened to'))).toBe(0);
  });
});
