import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseTarget } from '../../config.ts';
import { pgliteChangeSignals, serverChangeSignals, type ChangeSignals, type ReconnectDelays } from '../events/change-signals.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** One query API over both drivers: services and stores never know which database they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** Anything a store can run a query on: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs raw SQL and returns its rows; for health checks, migrations bookkeeping and tests. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Runs work while holding a cluster-wide lock, so several app processes take turns (migrations). */
  exclusively<T>(lockId: number, work: () => Promise<T>): Promise<T>;
  /**
   * Runs work while holding a cluster-wide lock named `key`, unless another process holds it: then
   * undefined, without running it. For work any one process may do on everyone's behalf (polling a
   * team's mailbox), which the others should skip rather than wait for or do again.
   */
  exclusivelyIfFree<T>(key: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Committed changes that in-process caches must forget, as the database's triggers announce them. */
  readonly changes: ChangeSignals;
  close(): Promise<void>;
}

// Services receive a query handle, not the Database; this lets them find its change signals. A
// transaction handle is not in here on purpose: inside a transaction, reads must see its own writes.
const signalsByHandle = new WeakMap<Queryable, ChangeSignals>();

/** The change signals of a database's own handle; undefined for a transaction (read it directly). */
export function changeSignalsOf(db: Queryable): ChangeSignals | undefined {
  return signalsByHandle.get(db);
}

function registered(database: Database): Database {
  signalsByHandle.set(database.db, database.changes);
  return database;
}

/**
 * The rows of a raw `db.execute()`. Both drivers answer `{ rows }`, but Drizzle types the answer per
 * driver; this is the one place that says so.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export interface OpenOptions {
  /** An embedded data folder is locked so that a second process cannot open it; tests opt out. */
  lock?: boolean;
  /** Pool size for a PostgreSQL server. */
  maxConnections?: number;
}

/**
 * The PostgreSQL extensions Hallway's migrations create (knowledge search's typo tolerance), which an
 * embedded database must load on every open: a data folder that holds them does not load them itself.
 */
export const pgliteExtensions = { pg_trgm };

/** See bench/README.md: 32MB keeps the embedded server under 400 MB resident under load. */
export const DEFAULT_EMBEDDED_SHARED_BUFFERS = '32MB';

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: options.maxConnections ?? 10 });
    // A dropped idle connection must not take the process down; pg reports it here.
    pool.on('error', () => undefined);
    return fromPool(pool);
  }
  const lock = options.lock === false ? undefined : await acquireDataDirLock(target.dataDir);
  try {
    // PGlite's PostgreSQL keeps its buffer cache inside the process: a smaller one keeps Hallway
    // under its memory target, and the operating system still caches the data files behind it.
    const sharedBuffers = target.sharedBuffers ?? DEFAULT_EMBEDDED_SHARED_BUFFERS;
    const client = await PGlite.create(target.dataDir, {
      extensions: pgliteExtensions,
      postgresqlconf: [`shared_buffers = ${sharedBuffers}`],
    });
    return fromPglite(client, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

export function fromPglite(client: PGlite, lock?: DataDirLock): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const changes = pgliteChangeSignals(client);
  return registered({
    kind: 'pglite',
    db,
    rows: async <T extends Record<string, unknown>>(query: SQL) => {
      const result = await db.execute(query);
      return rowsOf<T>(result);
    },
    // Only one process ever opens an embedded database (see data-dir-lock.ts): nothing to wait for.
    exclusively: (_lockId, work) => work(),
    exclusivelyIfFree: (_key, work) => work(),
    changes,
    close: async () => {
      await changes.close();
      await client.close();
      await lock?.release();
    },
  });
}

const SERIALISED = Symbol('hallway.serialisedQueries');
type SerialisableClient = pg.PoolClient & { [SERIALISED]?: true };

/**
 * A transaction is one connection, and code inside one may well look up two things at once
 * (`Promise.all` over a transaction handle). pg queues such queries today but deprecates it (pg 9
 * refuses), so each checked-out client runs its promise queries strictly one after another.
 * Callback-style calls are the pool's own (`pool.query`) and pass straight through.
 */
function serialiseQueries(client: SerialisableClient): pg.PoolClient {
  if (client[SERIALISED]) return client;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  const serialised = (...args: unknown[]): unknown => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  (client as { query: unknown }).query = serialised;
  client[SERIALISED] = true;
  return client;
}

/** The pool's promise-style `connect()` (Drizzle's, for transactions) hands out serialised clients. */
function withSerialisedClients(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then(serialiseQueries);
  };
  return pool;
}

/** `reconnectDelays`: how soon to listen again after the change listener's connection is lost. */
export function fromPool(pool: pg.Pool, options: { reconnectDelays?: ReconnectDelays } = {}): Database {
  const db = drizzleNodePg(withSerialisedClients(pool), { schema }) as unknown as Db;
  const changes = serverChangeSignals(pool, options.reconnectDelays);
  return registered({
    kind: 'postgres',
    db,
    rows: async <T extends Record<string, unknown>>(query: SQL) => {
      const result = await db.execute(query);
      return rowsOf<T>(result);
    },
    exclusively: async (lockId, work) => {
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [lockId]);
        return await work();
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
        connection.release();
      }
    },
    exclusivelyIfFree: async (key, work) => {
      const connection = await pool.connect();
      let unlocked = true;
      try {
        const { rows } = await connection.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
        if (!rows[0]?.locked) return undefined;
        try {
          return await work();
        } finally {
          unlocked = await connection.query('select pg_advisory_unlock(hashtext($1))', [key]).then(() => true, () => false);
        }
      } finally {
        // A session lock outlives its user: a connection that could not unlock must not go back to the pool.
        connection.release(!unlocked);
      }
    },
    changes,
    close: async () => {
      await changes.close();
      await pool.end();
    },
  });
}

export async function isReachable(database: Database): Promise<boolean> {
  try {
    await database.rows(sql`select 1 as ok`);
    return true;
  } catch {
    return false;
  }
}
