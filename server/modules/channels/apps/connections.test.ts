import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast, type Role } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { findConnection, verifyWithConnectionSecrets } from './connections.service.ts';
import { signSlackRequest, verifySlackRequest } from '../signatures/slack-request.ts';

// Admins connect a team to Slack, Teams or an SMS number; the secret goes in and never comes out.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
}, 120_000);
afterAll(() => t.close());

const SECRET = 'slack-signing-secret-0001';
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, role: Role = 'admin', payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: cast.headers[role], ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const slackBody = (externalId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'slack',
  name: 'Acme workspace',
  externalId,
  signingSecret: SECRET,
  credentialEnv: 'HALLWAY_TEST_SLACK_BOT_TOKEN',
  ...extra,
});

describe('channel connections', () => {
  it('are created by an admin, listed and read back without the signing secret', async () => {
    process.env.HALLWAY_TEST_SLACK_BOT_TOKEN = 'xoxb-never-shown';
    const created = await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', slackBody('T0001'));
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      team: cast.team.slug,
      kind: 'slack',
      externalId: 'T0001',
      credentialEnv: 'HALLWAY_TEST_SLACK_BOT_TOKEN',
      credentialSet: true,
      settings: { apiBaseUrl: 'https://slack.com/api' },
      enabled: true,
      previousSecretUntil: null,
    });
    expect(created.headers.location).toBe(`/api/v1/admin/connections/${view.id}`);
    const list = await call('GET', `/admin/teams/${cast.team.slug}/connections`);
    const read = await call('GET', `/admin/connections/${view.id}`);
    expect(list.json().items).toEqual([view]);
    expect(read.json()).toEqual(view);
    for (const body of [created.body, list.body, read.body]) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain('xoxb-never-shown');
      expect(body).not.toContain('signingSecret');
    }
    delete process.env.HALLWAY_TEST_SLACK_BOT_TOKEN;
    expect((await call('GET', `/admin/connections/${view.id}`)).json().credentialSet).toBe(false);
  });

  it('take each kind with its own settings, checked per kind', async () => {
    const sms = await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', {
      kind: 'sms',
      name: 'Help line',
      externalId: '+14155550100',
      signingSecret: 'twilio-auth-token',
      settings: { format: 'twilio', sendUrl: 'https://api.twilio.example/send', fromNumber: '+14155550100' },
    });
    expect(sms.statusCode, sms.body).toBe(201);
    const teams = await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', {
      kind: 'teams',
      name: 'IT channel',
      externalId: 'webhook-1',
      signingSecret: Buffer.from('a teams security token').toString('base64'),
    });
    expect(teams.statusCode, teams.body).toBe(201);
    expect(teams.json().settings).toEqual({});
    // A Teams incoming-webhook URL is a bearer secret: shown masked, and a masked value sent back keeps it.
    const hook = 'https://acme.webhook.office.example/webhookb2/abc@def/IncomingWebhook/0123456789/xyz';
    const withHook = await call('PATCH', `/admin/connections/${teams.json().id}`, 'admin', { settings: { incomingWebhookUrl: hook } });
    expect(withHook.json().settings).toEqual({ incomingWebhookUrl: 'https://acme.webhook.office.example/…' });
    expect(withHook.body).not.toContain('IncomingWebhook');
    await call('PATCH', `/admin/connections/${teams.json().id}`, 'admin', { settings: withHook.json().settings });
    expect((await findConnection(t.database.db, 'teams', 'webhook-1'))?.settings).toEqual({ incomingWebhookUrl: hook });
  });

  it('are for admins only: not for the team lead, its agents or employees, nor the signed-out', async () => {
    const created = (await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', slackBody('T0002'))).json();
    for (const role of ['lead', 'agent', 'employee', 'agentOfOtherTeam'] as const) {
      expect((await call('GET', `/admin/teams/${cast.team.slug}/connections`, role)).statusCode, role).toBe(403);
      expect((await call('GET', `/admin/connections/${created.id}`, role)).statusCode, role).toBe(403);
      expect((await call('POST', `/admin/teams/${cast.team.slug}/connections`, role, slackBody(`T-${role}`))).statusCode, role).toBe(403);
      expect((await call('PATCH', `/admin/connections/${created.id}`, role, { name: 'taken over' })).statusCode, role).toBe(403);
      expect((await call('DELETE', `/admin/connections/${created.id}`, role)).statusCode, role).toBe(403);
    }
    expect((await call('GET', `/admin/connections/${created.id}`, 'anonymous')).statusCode).toBe(401);
    expect((await call('GET', `/admin/connections/${created.id}`)).json().name).toBe('Acme workspace');
    expect(await findConnection(t.database.db, 'slack', 'T-lead')).toBeUndefined();
  });

  it('refuse bad input with 400 naming the field, and write nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...slackBody('T0100'), kind: 'fax' }, 'kind'],
      [{ ...slackBody('T0101'), signingSecret: 'short' }, 'signingSecret'],
      [{ ...slackBody('T0102'), credentialEnv: 'lower-case' }, 'credentialEnv'],
      [{ ...slackBody('T0103'), credentialEnv: 'DATABASE_URL' }, 'credentialEnv'],
      [{ ...slackBody('T0104'), externalId: 'has spaces\r\nX-Injected: 1' }, 'externalId'],
      [{ ...slackBody('T0105'), settings: { apiBaseUrl: 'file:///etc/passwd' } }, 'apiBaseUrl'],
      [{ ...slackBody('T0106'), settings: { apiBaseUrl: 'https://slack.com/api', botToken: 'xoxb-1' } }, 'botToken'],
      [{ ...slackBody('T0107'), kind: 'teams', signingSecret: 'not base64 at all!' }, 'signingSecret'],
      [{ kind: 'sms', name: 'x', externalId: '+1555', signingSecret: 'gateway-secret', settings: { format: 'twilio', sendUrl: 'https://g.example', fromNumber: '555-1234' } }, 'fromNumber'],
      [{ ...slackBody('T0108'), name: '' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const refused = await call('POST', `/admin/teams/${cast.otherTeam.slug}/connections`, 'admin', payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(refused.json().errors), JSON.stringify(payload)).toContain(field);
    }
    expect((await call('GET', `/admin/teams/${cast.otherTeam.slug}/connections`)).json().items).toEqual([]);
    expect((await call('POST', '/admin/teams/no-such-team/connections', 'admin', slackBody('T0109'))).json()).toMatchObject({ code: 'TEAM_NOT_FOUND' });
    expect((await call('GET', '/admin/connections/not-a-uuid')).statusCode).toBe(400);
    expect((await call('GET', '/admin/connections/00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ code: 'CONNECTION_NOT_FOUND' });
  });

  it("refuse a workspace another connection already has with 409, whichever team it is for", async () => {
    await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', slackBody('T0200'));
    const taken = await call('POST', `/admin/teams/${cast.otherTeam.slug}/connections`, 'admin', slackBody('T0200'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'CONNECTION_EXTERNAL_ID_TAKEN', errors: [{ field: 'body.externalId' }] });
    const other = (await call('POST', `/admin/teams/${cast.otherTeam.slug}/connections`, 'admin', slackBody('T0201'))).json();
    const moved = await call('PATCH', `/admin/connections/${other.id}`, 'admin', { externalId: 'T0200' });
    expect(moved.statusCode).toBe(409);
    expect((await findConnection(t.database.db, 'slack', 'T0200'))?.teamId).toBe(cast.team.id);
  });

  it('rotate the signing secret: the old one is accepted for the grace period only', async () => {
    const created = (await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', slackBody('T0300'))).json();
    const rotated = await call('PATCH', `/admin/connections/${created.id}`, 'admin', { signingSecret: 'the-new-signing-secret', secretGraceHours: 2 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.body).not.toContain('the-new-signing-secret');
    const until = Date.parse(rotated.json().previousSecretUntil);
    expect(until - Date.now()).toBeGreaterThan(1.9 * 3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);

    const connection = (await findConnection(t.database.db, 'slack', 'T0300'))!;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signedWith = (secret: string) => (key: string) =>
      verifySlackRequest({ signature: signSlackRequest(secret, timestamp, 'text=hi'), timestamp, rawBody: 'text=hi' }, { signingSecret: key });
    expect(verifyWithConnectionSecrets(connection, signedWith('the-new-signing-secret'))).toEqual({ ok: true });
    expect(verifyWithConnectionSecrets(connection, signedWith(SECRET))).toEqual({ ok: true });
    expect(verifyWithConnectionSecrets(connection, signedWith(SECRET), new Date(until + 1000))).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifyWithConnectionSecrets(connection, signedWith('never-the-secret'))).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('change settings against their kind, and delete', async () => {
    const created = (await call('POST', `/admin/teams/${cast.team.slug}/connections`, 'admin', slackBody('T0400'))).json();
    const bad = await call('PATCH', `/admin/connections/${created.id}`, 'admin', { settings: { format: 'twilio' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.settings');
    const refusals: Array<[unknown, string]> = [
      [{ kind: 'sms' }, 'kind'],
      [{ signingSecret: 'new-secret-xyz', secretGraceHours: 1000 }, 'secretGraceHours'],
      [{ credentialEnv: 'HALLWAY_ADMIN_PASSWORD' }, 'credentialEnv'],
      [{ settings: { apiBaseUrl: 'javascript:alert(1)' } }, 'body.settings.apiBaseUrl'],
    ];
    for (const [payload, field] of refusals) {
      const refused = await call('PATCH', `/admin/connections/${created.id}`, 'admin', payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(refused.json().errors), JSON.stringify(payload)).toContain(field);
    }
    expect((await call('GET', `/admin/connections/${created.id}`)).json()).toMatchObject({ settings: { apiBaseUrl: 'https://slack.com/api' }, previousSecretUntil: null });
    const good = await call('PATCH', `/admin/connections/${created.id}`, 'admin', { settings: { apiBaseUrl: 'http://127.0.0.1:9/api/', defaultServiceSlug: 'laptops' }, enabled: false });
    expect(good.json()).toMatchObject({ settings: { apiBaseUrl: 'http://127.0.0.1:9/api', defaultServiceSlug: 'laptops' }, enabled: false });
    // A disabled connection answers no inbound call.
    expect(await findConnection(t.database.db, 'slack', 'T0400')).toBeUndefined();
    expect((await call('DELETE', `/admin/connections/${created.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/admin/connections/${created.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/admin/connections/${created.id}`)).statusCode).toBe(404);
  });

  it('are described in the API document, whose connection view has no signing secret', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/admin/teams/{slug}/connections', '/api/v1/admin/connections/{id}', '/api/v1/channels/slack/commands', '/api/v1/channels/slack/events']) {
      expect(document.paths[path], path).toBeDefined();
    }
    const view = JSON.stringify(document.paths['/api/v1/admin/connections/{id}'].get.responses['200']);
    expect(view).toContain('credentialSet');
    expect(view).not.toContain('signingSecret');
  });
});
