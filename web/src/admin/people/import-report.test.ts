import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi, setCsrfToken } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { importLineProblems, lineOf } from './import-report.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const csv = 'email,name,team\r\nann@example.com,Ann,it\r\nnot-an-address,Bob,it\r\ncat@example.com,,nowhere\r\n';

describe('the directory import', () => {
  it('sends the file as text/csv with the CSRF token, and a refusal becomes its report, line by line', async () => {
    setCsrfToken('csrf-9');
    const sent: { headers: Record<string, string>; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push({ headers: init.headers as Record<string, string>, body: init.body });
      const problem = {
        title: 'The file has rows with errors; nothing was imported',
        status: 422,
        code: 'IMPORT_HAS_ERRORS',
        errors: [
          { field: 'line 4', reason: 'name: must not be empty' },
          { field: 'line 3', reason: 'email: must be an e-mail address' },
          { field: 'line 4', reason: 'team: no team "nowhere"' },
        ],
      };
      return new Response(JSON.stringify(problem), { status: 422, headers: { 'content-type': 'application/problem+json' } });
    });
    const failure = await callApi('/people/import', { method: 'POST', body: new Blob([csv], { type: 'text/csv' }) }).catch((error: unknown) => error);
    expect(sent[0]?.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': 'csrf-9' });
    expect(sent[0]?.body).toBeInstanceOf(Blob);
    expect(failure).toBeInstanceOf(ApiError);
    const report = importLineProblems((failure as ApiError).problem);
    expect(report).toEqual([
      { line: 3, reason: 'email: must be an e-mail address' },
      { line: 4, reason: 'name: must not be empty' },
      { line: 4, reason: 'team: no team "nowhere"' },
    ]);
    expect(lineOf(csv, 3)).toBe('not-an-address,Bob,it');
  });

  it('reports a problem with the whole file at line 1', () => {
    expect(importLineProblems({ title: 't', status: 422, code: 'IMPORT_HAS_ERRORS', errors: [{ field: 'file', reason: 'empty' }] })).toEqual([{ line: 1, reason: 'empty' }]);
  });
});
