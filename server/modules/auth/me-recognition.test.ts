import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRefusesBadInput, rawJson } from '../../../test/support/bad-input.ts';
import { bearerFor, buildPerson } from '../../../test/support/factories.ts';
import { signInAs, type BrowserSession } from '../../../test/support/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { people } from '../people/people.tables.ts';

// How a person likes to be thanked: unknown (null) until asked, then theirs alone to set (PATCH /me).

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => t.close());

async function signedInPerson(): Promise<{ id: string; session: BrowserSession }> {
  const person = await buildPerson(t.database, { passwordHash });
  return { id: person.id, session: await signInAs(t.app, person.email, PASSWORD) };
}

const storedRecognition = async (id: string) =>
  (await t.database.db.select({ recognition: people.recognition }).from(people).where(eq(people.id, id)))[0]?.recognition;

const patchMe = (headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: payload as object });

describe('recognition on /me', () => {
  it('is null until asked; the person answers, and /me says so from then on', async () => {
    const { id, session } = await signedInPerson();
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(before.json().recognition).toBeNull();

    const answered = await patchMe({ cookie: session.cookie, 'x-csrf-token': session.csrfToken }, { recognition: 'private' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ id, recognition: 'private', via: 'session', csrfToken: session.csrfToken });
    expect(await storedRecognition(id)).toBe('private');

    const changed = await patchMe({ cookie: session.cookie, 'x-csrf-token': session.csrfToken }, { recognition: 'public' });
    expect(changed.json().recognition).toBe('public');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(after.json().recognition).toBe('public');
  });

  it('changes only the caller: someone else keeps their answer', async () => {
    const amy = await signedInPerson();
    const rory = await buildPerson(t.database, { recognition: 'public' });
    await patchMe({ cookie: amy.session.cookie, 'x-csrf-token': amy.session.csrfToken }, { recognition: 'private' });
    expect(await storedRecognition(rory.id)).toBe('public');
    expect(await storedRecognition(amy.id)).toBe('private');
  });

  it('works with a personal API token too (no CSRF for a bearer token)', async () => {
    const person = await buildPerson(t.database);
    const response = await patchMe(await bearerFor(t.database, person.id), { recognition: 'public' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: person.id, recognition: 'public', via: 'token' });
  });

  it('refuses a browser write without the CSRF token, and a stranger, changing nothing', async () => {
    const { id, session } = await signedInPerson();
    const forged = await patchMe({ cookie: session.cookie }, { recognition: 'public' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_TOKEN_INVALID');
    const stranger = await patchMe({}, { recognition: 'public' });
    expect(stranger.statusCode).toBe(401);
    expect(await storedRecognition(id)).toBeNull();
  });
});

describe('PATCH /api/v1/me refuses', () => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = await bearerFor(t.database, (await buildPerson(t.database)).id);
  });
  const patch = (payload: unknown) => ({ method: 'PATCH' as const, url: '/api/v1/me', payload: payload as object });
  itRefusesBadInput(
    [
      { name: 'malformed JSON', request: rawJson('PATCH', '/api/v1/me', '{"recognition": '), status: 400, code: 'MALFORMED_JSON', field: 'body' },
      { name: 'a value that is neither public nor private', request: patch({ recognition: 'loudly' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.recognition' },
      { name: 'null (once answered, it stays answered)', request: patch({ recognition: null }), status: 400, code: 'VALIDATION_FAILED', field: 'body.recognition' },
      { name: 'a number', request: patch({ recognition: 1 }), status: 400, code: 'VALIDATION_FAILED', field: 'body.recognition' },
      { name: 'an empty body', request: patch({}), status: 400, code: 'VALIDATION_FAILED', field: 'body.recognition' },
      { name: 'HTML for a value', request: patch({ recognition: '<script>alert(1)</script>' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.recognition' },
      {
        name: 'a field people may not change about themselves',
        request: patch({ recognition: 'public', isAdmin: true }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.isAdmin',
      },
    ],
    () => ({ t, headers }),
  );
});
