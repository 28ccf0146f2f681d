import { afterAll, beforeAll, describe } from 'vitest';
import { itRefusesBadInput, rawJson, type BadInput } from '../../../test/support/bad-input.ts';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let headers: Record<string, string>;
const NOBODY = '00000000-0000-4000-8000-000000000000';
// Fixed ids and slugs, so the cases can be listed before the database exists.
const TARGET = '11111111-1111-4111-8111-111111111111';
beforeAll(async () => {
  t = await createTestApp();
  headers = await bearerFor(t.database, (await buildPerson(t.database, { isAdmin: true })).id);
  await buildPerson(t.database, { id: TARGET, email: 'taken@example.test' });
  await buildPerson(t.database, { email: 'also-taken@example.test' });
  await buildTeam(t.database, { slug: 'it', keyPrefix: 'IT' });
  await buildTeam(t.database, { slug: 'hr', keyPrefix: 'HR' });
});
afterAll(() => t.close());
const context = () => ({ t, headers });

const post = (url: string, payload: object) => ({ method: 'POST' as const, url, payload });
const patch = (url: string, payload: object) => ({ method: 'PATCH' as const, url, payload });
const get = (url: string) => ({ method: 'GET' as const, url });
const invalid = (name: string, request: BadInput['request'], field: string): BadInput => ({ name, request, status: 400, code: 'VALIDATION_FAILED', field });
const person = { email: 'new@example.test', name: 'New Person' };

describe('POST /api/v1/people refuses', () => {
  itRefusesBadInput(
    [
      { name: 'malformed JSON', request: rawJson('POST', '/api/v1/people', '{"email":'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
      invalid('an unknown field (a password hash)', post('/api/v1/people', { ...person, passwordHash: '$argon2id$...' }), 'body.passwordHash'),
      invalid('a string for isAdmin', post('/api/v1/people', { ...person, isAdmin: 'yes' }), 'body.isAdmin'),
      invalid('a missing name', post('/api/v1/people', { email: 'new@example.test' }), 'body.name'),
      invalid('an oversized name', post('/api/v1/people', { ...person, name: 'N'.repeat(201) }), 'body.name'),
      invalid('a name with a line break', post('/api/v1/people', { ...person, name: 'Eve\r\nBcc: all@example.test' }), 'body.name'),
      invalid('an invalid e-mail', post('/api/v1/people', { ...person, email: '<script>@x' }), 'body.email'),
      invalid('an unknown time zone', post('/api/v1/people', { ...person, timeZone: 'Mars/Olympus_Mons' }), 'body.timeZone'),
      invalid('an offset instead of a time zone', post('/api/v1/people', { ...person, timeZone: '+02:00' }), 'body.timeZone'),
      invalid('a short password', post('/api/v1/people', { ...person, password: 'short' }), 'body.password'),
      invalid('letters in a phone number', post('/api/v1/people', { ...person, phone: 'call me maybe' }), 'body.phone'),
      invalid('an unknown home team', post('/api/v1/people', { ...person, homeTeam: 'nowhere' }), 'body.homeTeam'),
      invalid('an unknown manager', post('/api/v1/people', { ...person, manager: NOBODY }), 'body.manager'),
      invalid('a manager id that is SQL', post('/api/v1/people', { ...person, manager: "1' or '1'='1" }), 'body.manager'),
      {
        name: 'a duplicate e-mail (in another case)',
        request: post('/api/v1/people', { ...person, email: 'TAKEN@example.test' }),
        status: 409,
        code: 'EMAIL_TAKEN',
        field: 'body.email',
      },
      {
        name: 'a body over the size limit',
        request: post('/api/v1/people', { ...person, title: 'x'.repeat(1_100_000) }),
        status: 413,
        code: 'BODY_TOO_LARGE',
      },
    ],
    context,
  );
});

describe('PATCH /api/v1/people/{id} refuses', () => {
  itRefusesBadInput(
    [
      { name: 'malformed JSON', request: rawJson('PATCH', `/api/v1/people/${TARGET}`, '[1,'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
      invalid('an id that is not a UUID', patch('/api/v1/people/42', { name: 'X' }), 'params.id'),
      invalid('an unknown field', patch(`/api/v1/people/${TARGET}`, { id: NOBODY }), 'body.id'),
      invalid('null for a required field', patch(`/api/v1/people/${TARGET}`, { email: null }), 'body.email'),
      invalid('a number for active', patch(`/api/v1/people/${TARGET}`, { active: 0 }), 'body.active'),
      invalid('the person as their own manager', patch(`/api/v1/people/${TARGET}`, { manager: TARGET, name: 'Half Written' }), 'body.manager'),
      {
        name: "someone else's e-mail",
        request: patch(`/api/v1/people/${TARGET}`, { email: 'also-taken@example.test', name: 'Half Written' }),
        status: 409,
        code: 'EMAIL_TAKEN',
        field: 'body.email',
      },
    ],
    context,
  );
});

describe('GET /api/v1/people and /people/{id} refuse', () => {
  itRefusesBadInput(
    [
      invalid('a limit over 100', get('/api/v1/people?limit=101'), 'query.limit'),
      invalid('a limit of 0', get('/api/v1/people?limit=0'), 'query.limit'),
      invalid('a limit that is not a number', get('/api/v1/people?limit=ten'), 'query.limit'),
      invalid('a forged cursor', get('/api/v1/people?cursor=eyJhIjoxfQ'), 'query.cursor'),
      invalid('an unknown parameter', get('/api/v1/people?sort=salary'), 'query.sort'),
      invalid('an oversized search', get(`/api/v1/people?q=${'q'.repeat(201)}`), 'query.q'),
      invalid('an id that is not a UUID', get('/api/v1/people/not-an-id'), 'params.id'),
    ],
    context,
  );
});

describe('teams refuse', () => {
  const team = { slug: 'new-team', name: 'New team', keyPrefix: 'NEW' };
  itRefusesBadInput(
    [
      { name: 'malformed JSON', request: rawJson('POST', '/api/v1/teams', '{'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
      invalid('an unknown field', post('/api/v1/teams', { ...team, members: [] }), 'body.members'),
      invalid('a slug with spaces and capitals', post('/api/v1/teams', { ...team, slug: 'New Team' }), 'body.slug'),
      invalid('a lower-case key prefix', post('/api/v1/teams', { ...team, keyPrefix: 'new' }), 'body.keyPrefix'),
      invalid('an oversized description', post('/api/v1/teams', { ...team, description: 'd'.repeat(5001) }), 'body.description'),
      invalid('a number for the name', post('/api/v1/teams', { ...team, name: 5 }), 'body.name'),
      { name: 'a slug taken', request: post('/api/v1/teams', { ...team, slug: 'it' }), status: 409, code: 'TEAM_SLUG_TAKEN', field: 'body.slug' },
      invalid('a bad slug in the path', get('/api/v1/teams/DROP%20TABLE'), 'params.slug'),
      invalid('a change with an unknown field', patch('/api/v1/teams/it', { id: NOBODY }), 'body.id'),
      { name: 'a change to a taken slug', request: patch('/api/v1/teams/it', { slug: 'hr', name: 'Half' }), status: 409, code: 'TEAM_SLUG_TAKEN', field: 'body.slug' },
      invalid('an unknown role', { method: 'PUT', url: `/api/v1/teams/it/members/${TARGET}`, payload: { role: 'owner' } }, 'body.role'),
      invalid('a member id that is not a UUID', { method: 'PUT', url: '/api/v1/teams/it/members/me', payload: { role: 'agent' } }, 'params.personId'),
      invalid('an extra field on a membership', { method: 'PUT', url: `/api/v1/teams/it/members/${TARGET}`, payload: { role: 'agent', isAdmin: true } }, 'body.isAdmin'),
      invalid('removing a member id that is not a UUID', { method: 'DELETE', url: '/api/v1/teams/it/members/me' }, 'params.personId'),
    ],
    context,
  );
});

describe('POST /api/v1/people/import refuses', () => {
  const csv = (payload: string, query = '') => ({ method: 'POST' as const, url: `/api/v1/people/import${query}`, payload, headers: { 'content-type': 'text/csv' } });
  itRefusesBadInput(
    [
      invalid('an unknown parameter', csv('email,name\na@example.test,A\n', '?dryRun=true'), 'query.dryRun'),
      invalid('skipInvalid that is not true or false', csv('email,name\na@example.test,A\n', '?skipInvalid=maybe'), 'query.skipInvalid'),
      invalid('JSON instead of CSV', post('/api/v1/people/import', { email: 'a@example.test' }), 'body'),
      {
        name: 'plain text instead of CSV',
        request: { method: 'POST', url: '/api/v1/people/import', payload: 'email,name', headers: { 'content-type': 'text/plain' } },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      { name: 'an unknown column', request: csv('email,name,salary\na@example.test,A,1\n'), status: 422, code: 'IMPORT_HAS_ERRORS', field: 'line 1' },
      { name: 'an empty file', request: csv(''), status: 422, code: 'IMPORT_HAS_ERRORS', field: 'line 1' },
      { name: 'an unclosed quote', request: csv('email,name\na@example.test,"A\n'), status: 422, code: 'IMPORT_HAS_ERRORS', field: 'line 2' },
    ],
    context,
  );
});
