import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi, queryString, setCsrfToken } from './client.ts';
import { ApiError } from './problem.ts';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | FormData | undefined;
}

/** Stands in for the browser's fetch: records what was sent, answers with the given response. */
function answerWith(status: number, body: unknown, contentType = 'application/json'): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | FormData | undefined });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the API client', () => {
  it('sends the CSRF token and the Idempotency-Key on writes, JSON in and out', async () => {
    setCsrfToken('csrf-123');
    const sent = answerWith(201, { key: 'IT-7' });
    const result = await callApi<{ key: string }>('/services/laptop-repair/requests', {
      method: 'POST',
      body: { answers: { device: 'laptop' } },
      idempotencyKey: 'key-1',
    });
    expect(result).toEqual({ key: 'IT-7' });
    expect(sent[0]).toMatchObject({
      url: '/api/v1/services/laptop-repair/requests',
      method: 'POST',
      body: '{"answers":{"device":"laptop"}}',
      headers: { 'x-csrf-token': 'csrf-123', 'idempotency-key': 'key-1', 'content-type': 'application/json' },
    });
  });

  it('keeps the CSRF token off reads', async () => {
    setCsrfToken('csrf-123');
    const sent = answerWith(200, { items: [] });
    await callApi('/services');
    expect(sent[0]!.headers['x-csrf-token']).toBeUndefined();
  });

  it('names the version a change was made against as a strong If-Match', async () => {
    setCsrfToken('csrf-123');
    const sent = answerWith(200, { key: 'IT-7', version: 4 });
    await callApi('/requests/IT-7', { method: 'PATCH', body: { status: 'closed' }, ifMatch: 3 });
    expect(sent[0]!.headers['if-match']).toBe('"3"');
    await callApi('/requests/IT-7');
    expect(sent[1]!.headers['if-match']).toBeUndefined();
  });

  it('sends a file as the FormData itself, leaving its multipart header to the browser', async () => {
    setCsrfToken('csrf-123');
    const sent = answerWith(201, { id: 'a1' });
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    await callApi('/uploads', { method: 'POST', body: form });
    expect(sent[0]!.body).toBe(form);
    expect(sent[0]!.headers['content-type']).toBeUndefined();
    expect(sent[0]!.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    answerWith(400, { title: 'The request is not valid', status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'body.answers.a', reason: 'is required' }] }, 'application/problem+json');
    const error = await callApi('/services/x/requests', { method: 'POST', body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.answers.a', reason: 'is required' }] });
  });

  it('says NETWORK when there was no answer at all', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await callApi('/services').catch((caught: unknown) => caught);
    expect((error as ApiError).code).toBe('NETWORK');
  });

  it('builds query strings from the defined values only', () => {
    expect(queryString({ requester: 'me', limit: 25, cursor: undefined })).toBe('?requester=me&limit=25');
    expect(queryString({ q: undefined })).toBe('');
  });
});
