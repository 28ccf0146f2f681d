import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import type { RequestDetailView, RequestView } from './requests.schema.ts';

// Helpers for this module's tests (the name keeps it out of the test run).

type Headers = Record<string, string>;

/** Files a request through the API and returns its view; fails the test on anything but 201. */
export async function fileRequest(app: FastifyInstance, headers: Headers, body: Record<string, unknown>): Promise<RequestView> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/requests', headers, payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function readRequest(app: FastifyInstance, headers: Headers, key: string): Promise<RequestDetailView> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** PATCHes with the request's current version as If-Match; returns the response. */
export async function patchRequest(app: FastifyInstance, headers: Headers, key: string, version: number, body: Record<string, unknown>) {
  return app.inject({
    method: 'PATCH',
    url: `/api/v1/requests/${key}`,
    headers: { ...headers, 'if-match': `"${version}"` },
    payload: body,
  });
}

const TABLES = ['requests', 'request_events', 'idempotency_keys'];

/** Row counts and a digest of every row this module writes: equal before and after = nothing written. */
export async function requestTablesFingerprint(database: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await database.rows<{ rows: number; digest: string | null }>(
      sql.raw(`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from ${table} t`),
    );
    result[table] = `${row?.rows}:${row?.digest ?? ''}`;
  }
  return result;
}

export async function countRows(database: Database, table: 'requests' | 'request_events'): Promise<number> {
  const [row] = await database.rows<{ count: number }>(sql.raw(`select count(*)::int as count from ${table}`));
  return row?.count ?? 0;
}
