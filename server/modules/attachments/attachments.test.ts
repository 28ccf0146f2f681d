import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyKindForm, fileThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import type { AttachmentView } from './attachments.schema.ts';
import { postFile } from './attachments.test-support.ts';

// Files on a request follow the timeline's rules (public for whoever sees the request, internal for
// the team's agents); an upload for a form is its uploader's alone until a filing claims it.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

async function fileRequest(body: Record<string, unknown> = {}): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: cast.headers.employee,
    payload: { team: cast.team.slug, subject: 'Printer jams', ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().key;
}

const list = (key: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/attachments`, headers });
const content = (id: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers });

describe("a request's files", () => {
  it("keep the requester's public file for everyone who sees the request, with its event", async () => {
    const key = await fileRequest();
    const sent = await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { name: 'jam.txt', content: 'paper stuck in tray 2' });
    expect(sent.statusCode, sent.body).toBe(201);
    const view = sent.json<AttachmentView>();
    expect(view).toMatchObject({ requestKey: key, visibility: 'public', fileName: 'jam.txt', contentType: 'text/plain', size: 21 });

    for (const headers of [cast.headers.employee, cast.headers.agent, cast.headers.lead, cast.headers.admin]) {
      expect((await list(key, headers)).json().items.map((item: AttachmentView) => item.id)).toEqual([view.id]);
      const bytes = await content(view.id, headers);
      expect(bytes.statusCode).toBe(200);
      expect(bytes.body).toBe('paper stuck in tray 2');
    }
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers.agent });
    expect(detail.json().timeline).toContainEqual(
      expect.objectContaining({ kind: 'attachment_added', visibility: 'public', data: expect.objectContaining({ attachmentId: view.id, fileName: 'jam.txt' }) }),
    );
  });

  it("keeps an agent's internal file from the requester, like an internal note", async () => {
    const key = await fileRequest();
    const sent = await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.agent, { name: 'diagnosis.log', content: 'fuser at 180C' }, { visibility: 'internal' });
    expect(sent.statusCode, sent.body).toBe(201);
    const { id } = sent.json<AttachmentView>();
    expect((await list(key, cast.headers.agent)).json().items).toHaveLength(1);
    expect((await list(key, cast.headers.employee)).json().items).toEqual([]);
    expect((await content(id, cast.headers.employee)).statusCode).toBe(404);
    expect((await content(id, cast.headers.lead)).statusCode).toBe(200);
    const requesterView = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers.employee });
    expect(requesterView.json().timeline.map((event: { kind: string }) => event.kind)).not.toContain('attachment_added');
  });

  it('are hidden from people who may not see the request, as if they did not exist', async () => {
    const key = await fileRequest();
    const { id } = (await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { content: 'x' })).json<AttachmentView>();
    for (const headers of [cast.headers.otherEmployee, cast.headers.agentOfOtherTeam]) {
      expect((await list(key, headers)).statusCode).toBe(404);
      const refused = await content(id, headers);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('ATTACHMENT_NOT_FOUND');
    }
    expect((await content(id, {})).statusCode).toBe(401);
    const attach = await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.agentOfOtherTeam, { content: 'x' });
    expect(attach.statusCode).toBe(404);
  });

  it("of a confidential request stay with those who see it: not the team's other agents", async () => {
    const key = await fileRequest({ confidential: true });
    const { id } = (await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { content: 'medical note' })).json<AttachmentView>();
    expect((await content(id, cast.headers.agent)).statusCode).toBe(404);
    expect((await content(id, cast.headers.admin)).statusCode).toBe(404);
    expect((await content(id, cast.headers.lead)).statusCode).toBe(200);
  });

  it('are always sent as downloads, and a type a browser could run is sent as plain bytes', async () => {
    const key = await fileRequest();
    const page = (await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { name: '../../evil page.html', type: 'text/html', content: '<script>alert(1)</script>' })).json<AttachmentView>();
    expect(page.fileName).toBe('evil page.html');
    const bytes = await content(page.id, cast.headers.agent);
    expect(bytes.headers['content-type']).toBe('application/octet-stream');
    expect(bytes.headers['x-content-type-options']).toBe('nosniff');
    expect(bytes.headers['content-disposition']).toBe(`attachment; filename="evil page.html"; filename*=UTF-8''evil%20page.html`);
    expect(bytes.headers['content-security-policy']).toContain('sandbox');

    const picture = (await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { name: 'Überweisung.png', type: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) })).json<AttachmentView>();
    const png = await content(picture.id, cast.headers.employee);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(png.headers['content-disposition']).toBe(`attachment; filename="_berweisung.png"; filename*=UTF-8''%C3%9Cberweisung.png`);
  });
});

describe('file names', () => {
  it('lose the direction marks that could show a program as a PDF (invoice, RLO, "fdp.exe" reads "invoiceexe.pdf")', async () => {
    const key = await fileRequest();
    const sent = await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { name: 'invoice\u202efdp.exe', content: 'MZ' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<AttachmentView>().fileName).toBe('invoicefdp.exe');
    const isolated = await postFile(t.app, `/api/v1/requests/${key}/attachments`, cast.headers.employee, { name: '\u2067report\u2069\u200f.txt', content: 'x' });
    expect(isolated.json<AttachmentView>().fileName).toBe('report.txt');
  });
});

describe('bad uploads', () => {
  it('are refused at their field, and write nothing', async () => {
    const key = await fileRequest();
    const url = `/api/v1/requests/${key}/attachments`;
    const before = await fingerprint(t.database);
    const cases = [
      { call: () => postFile(t.app, url, cast.headers.employee, undefined, { visibility: 'public' }), status: 400, field: 'body.file' },
      { call: () => postFile(t.app, url, cast.headers.employee, { content: '' }), status: 400, field: 'body.file' },
      { call: () => postFile(t.app, url, cast.headers.employee, { content: 'x', field: 'upload' }), status: 400, field: 'body.file' },
      { call: () => postFile(t.app, url, cast.headers.agent, { content: 'x' }, { visibility: 'secret' }), status: 400, field: 'body.visibility' },
      { call: () => postFile(t.app, url, cast.headers.employee, { content: Buffer.alloc(20 * 1024 * 1024 + 1, 1) }), status: 413, field: 'body.file' },
      {
        call: () => t.app.inject({ method: 'POST', url, headers: cast.headers.employee, payload: { file: 'aGVsbG8=' } }),
        status: 415,
        field: 'headers.content-type',
      },
    ];
    for (const { call, status, field } of cases) {
      const response = await call();
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors?.[0]?.field, response.body).toBe(field);
    }
    const internalByRequester = await postFile(t.app, url, cast.headers.employee, { content: 'x' }, { visibility: 'internal' });
    expect(internalByRequester.statusCode).toBe(403);
    expect(await fingerprint(t.database)).toEqual(before);
  });
});

/**
 * A multipart body in two pieces, the second held back until `release`: a client on a real network
 * whose later parts arrive after the file. A server that answers before reading the whole body
 * answers without them (the test releases the rest once it has an answer, or after a second).
 */
function heldBackMultipart(first: Part[], later: Part[]) {
  const boundary = 'hallway-test-boundary';
  const part = (p: Part) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${p.value}\r\n`;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  // The first piece ends with the next delimiter, so that the server can tell that the file is complete.
  const whole = `${[...first, ...later].map(part).join('')}--${boundary}--\r\n`;
  const cut = first.map(part).join('').length + `--${boundary}\r\n`.length;
  const pieces = [whole.slice(0, cut), whole.slice(cut)];
  const payload = new Readable({
    read() {
      const next = pieces.shift();
      if (next === undefined) this.push(null);
      else if (pieces.length === 1) this.push(next);
      else void released.then(() => this.push(next));
    },
  });
  return { payload, contentType: `multipart/form-data; boundary=${boundary}`, release };
}
type Part = { name: string; value: string; fileName?: string };

async function sendHeldBack(url: string, headers: Record<string, string>, body: ReturnType<typeof heldBackMultipart>) {
  const fallback = setTimeout(body.release, 1000);
  try {
    return await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
  } finally {
    clearTimeout(fallback);
    body.release();
  }
}

describe('multipart bodies', () => {
  it('keep an internal file internal when the visibility part comes after the file, however the body arrives', async () => {
    const key = await fileRequest();
    const body = heldBackMultipart([{ name: 'file', fileName: 'diagnosis.log', value: 'disk smart errors' }], [{ name: 'visibility', value: 'internal' }]);
    const sent = await sendHeldBack(`/api/v1/requests/${key}/attachments`, cast.headers.agent, body);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<AttachmentView>().visibility).toBe('internal');
    expect((await list(key, cast.headers.employee)).json().items).toEqual([]);
  });

  it('refuse a visibility sent twice rather than pick one of them', async () => {
    const key = await fileRequest();
    const before = await fingerprint(t.database);
    const body = heldBackMultipart([{ name: 'visibility', value: 'internal' }, { name: 'file', fileName: 'a.txt', value: 'salary list' }], [{ name: 'visibility', value: 'public' }]);
    const response = await sendHeldBack(`/api/v1/requests/${key}/attachments`, cast.headers.agent, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors[0]).toEqual({ field: 'body.visibility', reason: 'must be sent once' });
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('refuse a second file, wherever it comes, and write nothing', async () => {
    const key = await fileRequest();
    const before = await fingerprint(t.database);
    const twoAtOnce = () => heldBackMultipart([{ name: 'file', fileName: 'a.txt', value: 'first' }, { name: 'file', fileName: 'b.txt', value: 'second' }], []);
    const twoApart = () => heldBackMultipart([{ name: 'file', fileName: 'a.txt', value: 'first' }], [{ name: 'file', fileName: 'b.txt', value: 'second' }]);
    for (const body of [twoAtOnce, twoApart]) {
      for (const url of [`/api/v1/requests/${key}/attachments`, '/api/v1/uploads']) {
        const response = await sendHeldBack(url, cast.headers.employee, body());
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().errors[0].field).toBe('body');
      }
      expect(await fingerprint(t.database)).toEqual(before);
    }
  });
});

describe("a service form's file answer", () => {
  it("is the filer's own upload, claimed by the filing, then part of the request", async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Broken screen', form: everyKindForm });
    const upload = await postFile(t.app, '/api/v1/uploads', cast.headers.employee, { name: 'crack.jpg', type: 'image/jpeg', content: 'jpeg bytes' });
    expect(upload.statusCode, upload.body).toBe(201);
    const photo = upload.json<AttachmentView>();
    expect(photo.requestKey).toBeNull();
    // Before a filing claims it, the upload is its uploader's alone.
    expect((await content(photo.id, cast.headers.employee)).statusCode).toBe(200);
    expect((await content(photo.id, cast.headers.admin)).statusCode).toBe(404);

    const someoneElses = await fileThrough(t.app, cast.headers.otherEmployee, service.slug, { answers: { summary: 'x', kind: 'laptop', photo: photo.id } });
    expect(someoneElses.statusCode).toBe(400);
    expect(someoneElses.json().errors).toContainEqual({ field: 'body.answers.photo', reason: expect.stringContaining('is not an upload of yours') });

    const filed = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'Cracked screen', kind: 'laptop', photo: photo.id } });
    expect(filed.statusCode, filed.body).toBe(201);
    const key = filed.json().key;
    expect((await list(key, cast.headers.agent)).json().items).toMatchObject([{ id: photo.id, requestKey: key, visibility: 'public' }]);
    expect((await content(photo.id, cast.headers.agent)).statusCode).toBe(200);
    const described = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${photo.id}`, headers: cast.headers.agent });
    expect(described.json()).toMatchObject({ id: photo.id, fileName: 'crack.jpg', requestKey: key, uploadedBy: { id: cast.people.employee.id } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${photo.id}`, headers: cast.headers.agentOfOtherTeam })).statusCode).toBe(404);

    const again = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'Again', kind: 'laptop', photo: photo.id } });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.answers.photo');
  });

  it("filed by an agent for someone else, is the agent's own upload (the filer's), and the requester opens it", async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Filed for you', form: everyKindForm });
    const requesters = await postFile(t.app, '/api/v1/uploads', cast.headers.employee, { content: "the requester's photo" });
    const agents = await postFile(t.app, '/api/v1/uploads', cast.headers.agent, { content: "the agent's photo" });
    const onBehalf = { requester: cast.people.employee.id };
    const withRequesters = await fileThrough(t.app, cast.headers.agent, service.slug, { ...onBehalf, answers: { summary: 'x', kind: 'laptop', photo: requesters.json().id } });
    expect(withRequesters.statusCode, withRequesters.body).toBe(400);
    expect(withRequesters.json().errors[0].field).toBe('body.answers.photo');

    const filed = await fileThrough(t.app, cast.headers.agent, service.slug, { ...onBehalf, answers: { summary: 'x', kind: 'laptop', photo: agents.json().id } });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().requester.id).toBe(cast.people.employee.id);
    const opened = await content(agents.json().id, cast.headers.employee);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toBe("the agent's photo");
    // The requester's own upload was not touched: still theirs alone, still unclaimed.
    const still = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${requesters.json().id}`, headers: cast.headers.employee });
    expect(still.json().requestKey).toBeNull();
  });

  it('is claimed by one filing only when several race for it; the others file nothing', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Racing screen', form: everyKindForm });
    const photo = (await postFile(t.app, '/api/v1/uploads', cast.headers.employee, { content: 'one photo' })).json<AttachmentView>();
    const subjects = ['Race one', 'Race two', 'Race three'];
    const answers = await Promise.all(subjects.map((subject) => fileThrough(t.app, cast.headers.employee, service.slug, { subject, answers: { summary: 'x', kind: 'laptop', photo: photo.id } })));
    const won = answers.filter((answer) => answer.statusCode === 201);
    expect(won, answers.map((answer) => answer.body).join('\n')).toHaveLength(1);
    for (const lost of answers.filter((answer) => answer.statusCode !== 201)) {
      expect(lost.statusCode, lost.body).toBe(400);
      expect(lost.json().errors[0].field).toBe('body.answers.photo');
    }
    const filed = await t.database.rows<{ key: string }>(sql`select key from requests where subject in ${subjects}`);
    expect(filed.map((row) => row.key)).toEqual([won[0]!.json().key]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${photo.id}`, headers: cast.headers.employee })).json().requestKey).toBe(won[0]!.json().key);
  });

  it('is deleted a day after upload when no filing claimed it; a claimed one stays', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Dented laptop', form: everyKindForm });
    const unused = (await postFile(t.app, '/api/v1/uploads', cast.headers.employee, { content: 'forgotten' })).json<AttachmentView>();
    const used = (await postFile(t.app, '/api/v1/uploads', cast.headers.employee, { content: 'kept' })).json<AttachmentView>();
    const filed = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'Dent', kind: 'laptop', photo: used.id } });
    expect(filed.statusCode, filed.body).toBe(201);

    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date(Date.now() + 23 * 3_600_000) });
    expect((await content(unused.id, cast.headers.employee)).statusCode).toBe(200);
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date(Date.now() + 25 * 3_600_000) });
    expect((await content(unused.id, cast.headers.employee)).statusCode).toBe(404);
    expect((await content(used.id, cast.headers.employee)).statusCode).toBe(200);
  });
});
