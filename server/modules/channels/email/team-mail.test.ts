import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { teamForRecipient } from './team-addresses.ts';

// Admins give a team its address (and optionally a mailbox to poll); mail to it then reaches the team.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

const put = (slug: string, payload: unknown, role: keyof Cast['headers'] = 'admin') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/admin/teams/${slug}/mail`, headers: cast.headers[role], payload: payload as Record<string, unknown> });

describe("a team's mail settings", () => {
  it('are set by an admin, and mail to the address (or a plus-form) then reaches that team', async () => {
    const saved = await put(cast.team.slug, {
      inboundAddress: 'Help@Corp.Example',
      unknownSenderRule: 'reject',
      imap: { enabled: true, host: 'imap.corp.example', user: 'help', passwordEnv: 'HALLWAY_HELP_MAILBOX_PASSWORD' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      inboundAddress: 'help@corp.example',
      unknownSenderRule: 'reject',
      imap: { enabled: true, host: 'imap.corp.example', port: 993, tls: true, user: 'help', passwordEnv: 'HALLWAY_HELP_MAILBOX_PASSWORD', mailbox: 'INBOX', polledAt: null, lastError: null },
    });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/admin/teams/${cast.team.slug}/mail`, headers: cast.headers.admin });
    expect(read.json()).toEqual(saved.json());
    expect((await teamForRecipient(t.database.db, 'help+r-0123456789@corp.example'))?.teamId).toBe(cast.team.id);
  });

  it("are not for the team's lead or agents", async () => {
    expect((await put(cast.team.slug, { inboundAddress: 'x@corp.example' }, 'lead')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/admin/teams/${cast.team.slug}/mail`, headers: cast.headers.agent })).statusCode).toBe(403);
  });

  it("refuse another team's address with 409, leaving both teams as they were", async () => {
    const taken = await put(cast.otherTeam.slug, { inboundAddress: 'help@corp.example' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'MAIL_ADDRESS_TAKEN', errors: [{ field: 'body.inboundAddress' }] });
    expect((await teamForRecipient(t.database.db, 'help@corp.example'))?.teamId).toBe(cast.team.id);
  });

  it('refuse a bad address, rule, password variable or an unknown field with 400 naming it', async () => {
    const cases: Array<[unknown, string]> = [
      [{ inboundAddress: 'not an address' }, 'inboundAddress'],
      [{ inboundAddress: 'a@corp.example', unknownSenderRule: 'ignore' }, 'unknownSenderRule'],
      [{ inboundAddress: 'a@corp.example', imap: { enabled: true, host: 'h', user: 'u', passwordEnv: 'secret123' } }, 'passwordEnv'],
      [{ inboundAddress: 'a@corp.example', imap: { enabled: true, host: 'h', user: 'u', passwordEnv: 'P', password: 'hunter2' } }, 'password'],
    ];
    for (const [payload, field] of cases) {
      const refused = await put(cast.otherTeam.slug, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(refused.json().errors)).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/admin/teams/${cast.otherTeam.slug}/mail`, headers: cast.headers.admin })).statusCode).toBe(404);
    expect((await put('no-such-team', { inboundAddress: 'z@corp.example' })).json()).toMatchObject({ code: 'TEAM_NOT_FOUND' });
  });
});
