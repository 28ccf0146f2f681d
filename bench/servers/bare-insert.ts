// Baseline for request create: a bare Fastify route doing one INSERT on the same database,
// with no authentication, validation library, transaction or timeline.
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { announceReady, benchDatabaseTarget } from './ready.ts';

const target = benchDatabaseTarget();
const createTable = `create table if not exists bench_items (
  id uuid primary key default gen_random_uuid(), subject text not null, description text not null,
  created_at timestamptz not null default now())`;
const insertItem = 'insert into bench_items (subject, description) values ($1, $2) returning id, created_at';

let query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
if (target.kind === 'pglite') {
  const client = await PGlite.create(target.dataDir);
  query = (text, values) => client.query(text, values);
} else {
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  query = (text, values) => pool.query(text, values);
}
await query(createTable);

const app = Fastify({ logger: false });
app.post('/items', async (request, reply) => {
  const { subject, description } = request.body as { subject: string; description: string };
  const { rows } = await query(insertItem, [subject, description]);
  return reply.code(201).send(rows[0]);
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
announceReady({ url });
