import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { issueApiToken } from '../../../platform/auth/api-tokens.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { fireDueTimers } from '../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../domain-timers.ts';
import { upsertMailSettings } from './inbound.store.ts';
import type { RequestMailMessage, RequestMailSource } from './request-mail.schema.ts';
import { storeArrivedMessage } from './store-inbound.ts';

// GET /requests/{key}/mail: the timeline shows a mail trimmed, this shows it whole, to exactly the
// people who may see the request. Mail is filed through the real path: stored raw, then processed.

let t: TestApp;
let cast: Cast;
const teamAddress = 'help-desk@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress, unknownSenderRule: 'hold' });
});
afterAll(async () => {
  await t.close();
});

interface Mail {
  messageId: string;
  subject: string;
  body: string;
  inReplyTo?: string;
  attachment?: { fileName: string; content: string };
}

function rawMail(mail: Mail): Buffer {
  const headers = [
    `From: Emma Employee <${cast.people.employee.email}>`,
    `To: ${teamAddress}`,
    `Subject: ${mail.subject}`,
    `Message-ID: <${mail.messageId}>`,
    'Date: Tue, 04 Mar 2025 09:15:00 +0000',
    'MIME-Version: 1.0',
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`, `References: <${mail.inReplyTo}>`] : []),
  ];
  const body = mail.body.replace(/\n/g, '\r\n');
  if (!mail.attachment) return Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'));
  const boundary = 'part-boundary-1';
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      `--${boundary}`,
      `Content-Type: text/plain; name="${mail.attachment.fileName}"`,
      `Content-Disposition: attachment; filename="${mail.attachment.fileName}"`,
      '',
      mail.attachment.content,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

async function deliver(mail: Mail): Promise<void> {
  await storeArrivedMessage(t.database, { teamId: cast.team.id, channel: 'smtp', envelopeFrom: cast.people.employee.email, envelopeTo: [teamAddress], raw: rawMail(mail) });
  await fireDueTimers(t.database, domainTimerHandlers);
}

async function keyOfMessage(messageId: string): Promise<string> {
  const [row] = rowsOf<{ key: string }>(
    await t.database.db.execute(sql`select r.key from inbound_messages m join requests r on r.id = m.request_id where m.message_key = ${`id:${messageId}`}`),
  );
  return row!.key;
}

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const mailOf = async (key: string, headers: Record<string, string>) => (await get(`/api/v1/requests/${key}/mail`, headers)).json<{ items: RequestMailMessage[] }>().items;

const first: Mail = {
  messageId: 'printer-1@corp.test',
  subject: 'Printer on floor 3 jams',
  body: 'The printer on floor 3 jams on every second page.\n\n-- \nEmma Employee\nFinance, room 3.14',
  attachment: { fileName: 'jam.txt', content: 'Paper jam in tray 2' },
};
const reply: Mail = {
  messageId: 'printer-2@corp.test',
  subject: 'Re: Printer on floor 3 jams',
  inReplyTo: 'printer-1@corp.test',
  body: 'It jammed again this morning.\n\nOn Tue, 4 Mar 2025 at 09:15, Emma Employee wrote:\n> The printer on floor 3 jams on every second page.',
};

describe('the whole mail behind a request', () => {
  let key: string;
  beforeAll(async () => {
    await deliver(first);
    await deliver(reply);
    key = await keyOfMessage(first.messageId);
  });

  it('shows the quoted history and signature the timeline trims, oldest message first, tied to its timeline entry', async () => {
    const detail = (await get(`/api/v1/requests/${key}`, cast.headers.employee)).json<{ description: string; timeline: Array<{ id: number; kind: string; data: { body?: string } }> }>();
    expect(detail.description).toBe('The printer on floor 3 jams on every second page.');
    const comment = detail.timeline.find((entry) => entry.kind === 'commented');
    expect(comment?.data.body).toBe('It jammed again this morning.');

    const mail = await mailOf(key, cast.headers.employee);
    expect(mail).toEqual([
      expect.objectContaining({
        eventId: null,
        from: { name: 'Emma Employee', address: cast.people.employee.email },
        subject: 'Printer on floor 3 jams',
        text: expect.stringContaining('-- \nEmma Employee\nFinance, room 3.14'),
        textTruncated: false,
        attachments: [{ fileName: 'jam.txt', contentType: 'text/plain', sizeBytes: 19 }],
        unreadable: null,
      }),
      expect.objectContaining({
        eventId: comment!.id,
        subject: 'Re: Printer on floor 3 jams',
        text: expect.stringContaining('Emma Employee wrote:\n> The printer on floor 3 jams on every second page.'),
        attachments: [],
      }),
    ]);
    expect(mail[1]!.text.startsWith('It jammed again this morning.')).toBe(true);
    expect(Date.parse(mail[0]!.receivedAt)).toBeLessThanOrEqual(Date.parse(mail[1]!.receivedAt));
  });

  it('lists which timeline entries came from mail without the text', async () => {
    const mail = await mailOf(key, cast.headers.agent);
    const sources = await get(`/api/v1/requests/${key}/mail/sources`, cast.headers.agent);
    expect(sources.statusCode).toBe(200);
    expect(sources.json<{ items: RequestMailSource[] }>().items).toEqual(mail.map(({ id, eventId, receivedAt }) => ({ id, eventId, receivedAt })));
  });

  it("is the team's to read, and 404 for an employee who did not ask and another team's agent, as the request is", async () => {
    expect(await mailOf(key, cast.headers.agent)).toHaveLength(2);
    expect(await mailOf(key, cast.headers.lead)).toHaveLength(2);
    for (const role of ['otherEmployee', 'agentOfOtherTeam', 'anonymous'] as const) {
      for (const path of ['mail', 'mail/sources']) {
        const refused = await get(`/api/v1/requests/${key}/${path}`, cast.headers[role]);
        expect({ role, path, status: refused.statusCode }).toEqual({ role, path, status: role === 'anonymous' ? 401 : 404 });
        if (role !== 'anonymous') expect(refused.json()).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
        expect(refused.body).not.toContain('jam');
      }
    }
  });

  it('answers 404, not an empty list, for a key that names no request or is not a key', async () => {
    for (const missing of ['ZZZ-999999', 'not-a-key', "IT-1' or 1=1"]) {
      const refused = await get(`/api/v1/requests/${encodeURIComponent(missing)}/mail`, cast.headers.admin);
      expect(refused.statusCode).toBe(404);
    }
  });

  it('needs the requests:read scope on an API token', async () => {
    const narrow = await issueApiToken(t.database.db, cast.people.employee.id, 'knowledge only', ['knowledge:read']);
    const refused = await get(`/api/v1/requests/${key}/mail`, { authorization: `Bearer ${narrow.token}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScope: 'requests:read' });
    expect(refused.body).not.toContain('jam');
    const reading = await issueApiToken(t.database.db, cast.people.employee.id, 'reader', ['requests:read']);
    expect(await mailOf(key, { authorization: `Bearer ${reading.token}` })).toHaveLength(2);
  });
});

describe('a confidential request', () => {
  it("keeps its mail from another team's agent, the team's unassigned agents and admins; its requester and lead read it", async () => {
    const message: Mail = { messageId: 'payslip-1@corp.test', subject: 'My payslip is wrong', body: 'My salary in February is wrong.\n\n-- \nEmma' };
    await deliver(message);
    const key = await keyOfMessage(message.messageId);
    await t.database.db.execute(sql`update requests set confidential = true where key = ${key}`);
    for (const role of ['agentOfOtherTeam', 'agent', 'admin', 'otherEmployee'] as const) {
      const refused = await get(`/api/v1/requests/${key}/mail`, cast.headers[role]);
      expect({ role, status: refused.statusCode, code: refused.json().code }).toEqual({ role, status: 404, code: 'REQUEST_NOT_FOUND' });
    }
    expect((await mailOf(key, cast.headers.employee))[0]!.text).toContain('salary');
    expect(await mailOf(key, cast.headers.lead)).toHaveLength(1);
  });
});

describe('a request without mail', () => {
  it('has an empty list', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: cast.headers.employee,
      payload: { team: cast.team.slug, subject: 'New chair', description: 'Mine is broken.' },
    });
    expect(filed.statusCode).toBe(201);
    const key = filed.json<{ key: string }>().key;
    expect(await mailOf(key, cast.headers.employee)).toEqual([]);
    expect((await get(`/api/v1/requests/${key}/mail/sources`, cast.headers.agent)).json()).toEqual({ items: [] });
  });
});
