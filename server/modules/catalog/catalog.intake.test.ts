import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, everyKindForm, fileThrough, filedThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildPerson } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ServiceView } from './catalog.schema.ts';

// A request through a service with a form: valid answers are stored with the form version; every
// kind of invalid answer is a 400 naming `body.answers.<field>`, and nothing is written.

let t: TestApp;
let cast: Cast;
let service: ServiceView;
let colleagueId: string;
let leftId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  colleagueId = (await buildPerson(t.database, { name: 'Cora Colleague' })).id;
  leftId = (await buildPerson(t.database, { name: 'Lew Left', active: false })).id;
  service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Laptop repair', form: everyKindForm, defaultPriority: 'high' });
});
afterAll(() => t.close());

const valid = () => ({
  summary: '  Screen flickers  ',
  details: 'It flickers when the lid moves.\r\nSince Monday.',
  asset_tag: 'IT-1234',
  copies: 2,
  needed_by: dayFromToday(7),
  kind: 'laptop',
  extras: ['dock', 'bag', 'dock'],
  colleague: colleagueId.toUpperCase(),
});

describe('a valid request through a service', () => {
  it('is filed with the service defaults and its normalised answers, at the form version', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { answers: valid() });
    expect(request).toMatchObject({ subject: 'Laptop repair', priority: 'high', status: 'new', team: { slug: cast.team.slug }, confidential: false });
    const answers = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/answers`, headers: cast.headers.employee });
    expect(answers.statusCode, answers.body).toBe(200);
    expect(answers.json()).toMatchObject({
      service: { id: service.id, slug: service.slug, name: 'Laptop repair' },
      formVersion: 1,
      values: {
        summary: 'Screen flickers',
        details: 'It flickers when the lid moves.\nSince Monday.',
        copies: 2,
        kind: 'laptop',
        extras: ['bag', 'dock'],
        colleague: colleagueId,
      },
    });
    expect(answers.json().answers).toContainEqual({ name: 'kind', label: 'What is it', type: 'choice', text: 'Laptop' });
    // In the form's order, whatever order the database keeps the keys in.
    expect(answers.json().answers.map((answer: { name: string }) => answer.name)).toEqual([
      'summary', 'details', 'asset_tag', 'copies', 'needed_by', 'kind', 'extras', 'colleague',
    ]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: cast.headers.employee });
    expect(detail.json().timeline[0]).toMatchObject({ kind: 'created', data: { service: service.slug, serviceId: service.id, formVersion: 1 } });
  });

  it('keeps the subject, description and priority the requester chose', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.id, {
      subject: 'Broken hinge',
      description: 'Left side',
      priority: 'low',
      answers: { summary: 'Hinge', kind: 'phone' },
    });
    expect(request).toMatchObject({ subject: 'Broken hinge', description: 'Left side', priority: 'low' });
  });

  it('drops an answer to a field that is not shown, and says so on the timeline', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'x', kind: 'laptop', other_kind: 'a kettle' } });
    const answers = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/answers`, headers: cast.headers.employee });
    expect(answers.json().values).toEqual({ summary: 'x', kind: 'laptop' });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: cast.headers.employee });
    expect(detail.json().timeline[0].data.droppedAnswers).toEqual(['other_kind']);
  });

  it('asks for a conditional field once its condition holds', async () => {
    const missing = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'x', kind: 'other' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'body.answers.other_kind', reason: 'is required' }]);
    await filedThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'x', kind: 'other', other_kind: 'A kettle' } });
  });

  it('gives the first answer again for the same Idempotency-Key, and refuses the key with other answers', async () => {
    const headers = { ...cast.headers.employee, 'idempotency-key': 'catalog-retry-1' };
    const first = await fileThrough(t.app, headers, service.slug, { answers: { summary: 'once', kind: 'laptop' } });
    const again = await fileThrough(t.app, headers, service.slug, { answers: { summary: 'once', kind: 'laptop' } });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().key).toBe(first.json().key);
    const other = await fileThrough(t.app, headers, service.slug, { answers: { summary: 'twice', kind: 'laptop' } });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

const invalid: Array<{ name: string; answers: Record<string, unknown>; field: string; reason?: string | RegExp }> = [
  { name: 'required field missing', answers: { kind: 'laptop' }, field: 'summary', reason: 'is required' },
  { name: 'required field blank', answers: { summary: '   ', kind: 'laptop' }, field: 'summary', reason: 'is required' },
  { name: 'short text too long', answers: { summary: 's'.repeat(81), kind: 'laptop' }, field: 'summary', reason: 'must be at most 80 characters' },
  { name: 'short text over two lines', answers: { summary: 'one\ntwo', kind: 'laptop' }, field: 'summary', reason: 'must be a single line' },
  { name: 'text of the wrong type', answers: { summary: 42, kind: 'laptop' }, field: 'summary', reason: 'must be a text' },
  { name: 'long text too short', answers: { summary: 'x', details: 'short', kind: 'laptop' }, field: 'details', reason: 'must be at least 10 characters' },
  { name: 'text not matching its pattern', answers: { summary: 'x', asset_tag: 'it-12', kind: 'laptop' }, field: 'asset_tag', reason: 'must look like AB-1234' },
  { name: 'number as a string', answers: { summary: 'x', copies: '2', kind: 'laptop' }, field: 'copies', reason: 'must be a number' },
  { name: 'number not whole', answers: { summary: 'x', copies: 1.5, kind: 'laptop' }, field: 'copies', reason: 'must be a whole number' },
  { name: 'number over its max', answers: { summary: 'x', copies: 11, kind: 'laptop' }, field: 'copies', reason: 'must be at most 10' },
  { name: 'date not a date', answers: { summary: 'x', needed_by: 'tomorrow', kind: 'laptop' }, field: 'needed_by', reason: 'must be a date (YYYY-MM-DD)' },
  { name: 'date that does not exist', answers: { summary: 'x', needed_by: '2031-02-30', kind: 'laptop' }, field: 'needed_by', reason: 'must be a date (YYYY-MM-DD)' },
  { name: 'date in the past', answers: { summary: 'x', needed_by: dayFromToday(-3), kind: 'laptop' }, field: 'needed_by', reason: /^must be on or after / },
  { name: 'choice not offered', answers: { summary: 'x', kind: 'tablet' }, field: 'kind', reason: /^must be one of / },
  { name: 'multi-choice not a list', answers: { summary: 'x', kind: 'laptop', extras: 'bag' }, field: 'extras', reason: 'must be a list of options' },
  { name: 'multi-choice with an unknown option', answers: { summary: 'x', kind: 'laptop', extras: ['bag', 'cape'] }, field: 'extras', reason: /"cape" is not an option/ },
  { name: 'multi-choice over its max', answers: { summary: 'x', kind: 'laptop', extras: ['bag', 'mouse', 'dock'] }, field: 'extras', reason: 'must have at most 2 selected' },
  { name: 'person not an id', answers: { summary: 'x', kind: 'laptop', colleague: 'Cora' }, field: 'colleague', reason: 'must be a person id' },
  { name: 'person not in the directory', answers: { summary: 'x', kind: 'laptop', colleague: '00000000-0000-4000-8000-000000000000' }, field: 'colleague', reason: 'is not a person in the directory' },
  { name: 'file: no such upload', answers: { summary: 'x', kind: 'laptop', photo: '00000000-0000-4000-8000-000000000001' }, field: 'photo', reason: /is not an upload of yours/ },
  { name: 'file not an id', answers: { summary: 'x', kind: 'laptop', photo: 'photo.png' }, field: 'photo', reason: /an uploaded file/ },
  { name: 'unknown field', answers: { summary: 'x', kind: 'laptop', colour: 'red' }, field: 'colour', reason: 'is not a field of this form' },
];

describe('invalid answers', () => {
  it.each(invalid)('$name: 400 at body.answers.$field, nothing written', async ({ answers, field, reason }) => {
    const before = await fingerprint(t.database);
    const response = await fileThrough(t.app, cast.headers.employee, service.slug, { answers });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    const found = problem.errors.find((error: { field: string }) => error.field === `body.answers.${field}`);
    expect(found, JSON.stringify(problem.errors)).toBeDefined();
    if (typeof reason === 'string') expect(found.reason).toBe(reason);
    else if (reason) expect(found.reason).toMatch(reason);
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('reports every problem at once, in form order', async () => {
    const response = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { copies: 0, kind: 'tablet', colour: 'red' } });
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual([
      'body.answers.summary',
      'body.answers.copies',
      'body.answers.kind',
      'body.answers.colour',
    ]);
  });

  it('refuses a person who has left the directory', async () => {
    const response = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'x', kind: 'laptop', colleague: leftId } });
    expect(response.json().errors).toEqual([{ field: 'body.answers.colleague', reason: 'is not a person in the directory' }]);
  });

  it.each([
    { name: 'answers not an object', body: { answers: ['summary'] }, field: 'body.answers' },
    { name: 'unknown body field', body: { answers: {}, team: 'it' }, field: 'body.team' },
    { name: 'priority unknown', body: { answers: {}, priority: 'asap' }, field: 'body.priority' },
    { name: 'subject blank', body: { answers: {}, subject: ' ' }, field: 'body.subject' },
  ])('$name: 400 at $field, nothing written', async ({ body, field }) => {
    const before = await fingerprint(t.database);
    const response = await fileThrough(t.app, cast.headers.employee, service.slug, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('a service nobody has: 404 at params.idOrSlug', async () => {
    const response = await fileThrough(t.app, cast.headers.employee, 'no-such-service', { answers: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'SERVICE_NOT_FOUND', errors: [{ field: 'params.idOrSlug' }] });
  });
});

describe('a form that changes', () => {
  it('leaves older requests with their answers, labels and form version', async () => {
    const own = await publishService(t.app, cast.headers.lead, cast.team.slug, {
      form: { fields: [{ name: 'model', type: 'choice', label: 'Model', required: true, options: [{ value: 'x1', label: 'ThinkPad X1' }] }] },
    });
    const old = await filedThrough(t.app, cast.headers.employee, own.slug, { answers: { model: 'x1' } });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/services/${own.id}`,
      headers: { ...cast.headers.lead, 'if-match': `"${own.version}"` },
      payload: { form: { fields: [{ name: 'serial', type: 'short_text', label: 'Serial number', required: true }] } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().form.version).toBe(2);

    const oldAnswers = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${old.key}/answers`, headers: cast.headers.employee });
    expect(oldAnswers.json()).toMatchObject({ formVersion: 1, values: { model: 'x1' }, answers: [{ name: 'model', label: 'Model', text: 'ThinkPad X1' }] });
    const v1 = await t.app.inject({ method: 'GET', url: `/api/v1/services/${own.slug}/forms/1`, headers: cast.headers.employee });
    expect(v1.json().fields[0].name).toBe('model');

    const stale = await fileThrough(t.app, cast.headers.employee, own.slug, { answers: { model: 'x1' } });
    expect(stale.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.answers.serial', 'body.answers.model']);
    const fresh = await filedThrough(t.app, cast.headers.employee, own.slug, { answers: { serial: 'PF-123' } });
    const freshAnswers = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${fresh.key}/answers`, headers: cast.headers.employee });
    expect(freshAnswers.json().formVersion).toBe(2);
  });
});
