import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { fingerprint } from './database-fingerprint.ts';
import type { TestApp } from './test-app.ts';

export interface BadInput {
  name: string;
  request: InjectOptions;
  status: number;
  code: string;
  /** The field the problem must name; undefined for problems about the whole request (413, 415). */
  field?: string;
}

/** Each bad call is a 4xx problem+json naming the field, and the database is exactly as before. */
export function itRefusesBadInput(cases: BadInput[], context: () => { t: TestApp; headers: Record<string, string> }): void {
  it.each(cases)('$name', async ({ request, status, code, field }) => {
    const { t, headers } = context();
    const before = await fingerprint(t.database);
    const response = await t.app.inject({ ...request, headers: { ...headers, ...request.headers } });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe(code);
    if (field) expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await fingerprint(t.database)).toEqual(before);
  });
}

/** A raw JSON body, for bodies no object could produce. */
export const rawJson = (method: 'POST' | 'PATCH' | 'PUT', url: string, body: string): InjectOptions => ({
  method,
  url,
  payload: body,
  headers: { 'content-type': 'application/json' },
});
