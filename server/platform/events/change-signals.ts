import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel the database's triggers notify on (migration 0002); the payload names the topic. */
export const CHANGE_CHANNEL = 'hallway_changes';
/** What the triggers announce: who a credential belongs to and what they may do, or a team. */
export type ChangeTopic = 'credentials' | 'teams' | 'mail-settings' | 'webhooks';
/** How the dedicated listening connection shows up in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'hallway-change-listener';

/**
 * Committed changes to what in-process caches hold, as the database announces them to this process.
 * While `live` is false a change may go unannounced, so nothing may be served from memory.
 */
export interface ChangeSignals {
  readonly live: boolean;
  /** Called on every change of the topic, and whenever changes may have been missed or resumed. */
  subscribe(topic: ChangeTopic, onChange: () => void): () => void;
  /** For logging: called when signals are lost and when they are back. */
  onLiveChange(listener: (live: boolean) => void): () => void;
  close(): Promise<void>;
}

export interface ReconnectDelays {
  firstMs: number;
  maxMs: number;
}

/** Retry soon (a restarted server is back in seconds), but do not hammer one that is down. */
const DEFAULT_DELAYS: ReconnectDelays = { firstMs: 100, maxMs: 5_000 };
/** A silently dead connection (network gone, no RST) delivers nothing and raises no error: probe it. */
const HEARTBEAT_MS = 5_000;

type Listening = { close(): Promise<void> };

/** The fan-out: who wants which topic. It connects on the first subscription, so CLI commands never do. */
class Signals implements ChangeSignals {
  #live = false;
  #closed = false;
  #listening: Listening | undefined;
  readonly #subscribers = new Map<string, Set<() => void>>();
  readonly #liveListeners = new Set<(live: boolean) => void>();

  constructor(private readonly listen: (signals: Signals) => Listening) {}

  get live(): boolean {
    return this.#live;
  }

  subscribe(topic: ChangeTopic, onChange: () => void): () => void {
    const subscribers = this.#subscribers.get(topic) ?? new Set();
    this.#subscribers.set(topic, subscribers);
    subscribers.add(onChange);
    if (!this.#listening && !this.#closed) this.#listening = this.listen(this);
    return () => subscribers.delete(onChange);
  }

  onLiveChange(listener: (live: boolean) => void): () => void {
    this.#liveListeners.add(listener);
    return () => this.#liveListeners.delete(listener);
  }

  deliver(topic: string): void {
    for (const onChange of this.#subscribers.get(topic) ?? []) onChange();
  }

  /** Announcements may be missed from now on: everyone forgets, and serves nothing until resumed. */
  lost(): void {
    const wasLive = this.#live;
    this.#live = false;
    this.#everyone();
    if (wasLive) for (const listener of this.#liveListeners) listener(false);
  }

  /** Listening again; what was announced meanwhile is unknown, so everyone forgets once more. */
  resumed(): void {
    if (this.#closed) return;
    this.#everyone();
    this.#live = true;
    for (const listener of this.#liveListeners) listener(true);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.lost();
    await this.#listening?.close();
  }

  #everyone(): void {
    for (const subscribers of this.#subscribers.values()) for (const onChange of subscribers) onChange();
  }
}

/**
 * PGlite is one instance in one process: a notification is delivered before the statement that
 * committed it returns, and it cannot be lost while the instance is open.
 */
export function pgliteChangeSignals(client: PGlite): ChangeSignals {
  return new Signals((signals) => {
    const listening = client.listen(CHANGE_CHANNEL, (payload) => signals.deliver(payload));
    listening.then(
      () => signals.resumed(),
      () => signals.lost(),
    );
    return {
      close: async () => {
        const unlisten = await listening.catch(() => undefined);
        if (!client.closed) await unlisten?.().catch(() => undefined);
      },
    };
  });
}

/**
 * A PostgreSQL server: one dedicated connection LISTENs (a pooled one would be handed to queries
 * and stop listening while it is checked out). If it errors or ends, caches are cleared and
 * bypassed until it listens again, since whatever was announced meanwhile never reached us.
 *
 * Separately, every pool connection LISTENs too and passes on the notifications its own backend
 * sent: the server delivers those before the COMMIT's reply, so this process forgets a revoked
 * token before the revoking call returns, without waiting for the dedicated connection.
 */
export function serverChangeSignals(pool: pg.Pool, delays: ReconnectDelays = DEFAULT_DELAYS): ChangeSignals {
  const signals = new Signals((self) => listenOnDedicatedConnection(pool.options, self, delays));
  echoOwnNotifications(pool, signals);
  return signals;
}

function echoOwnNotifications(pool: pg.Pool, signals: Signals): void {
  const previous = pool.options.onConnect;
  // pg-pool awaits this hook before handing out a new connection, so LISTEN runs before any query.
  pool.options.onConnect = async (client: pg.ClientBase) => {
    await previous?.(client);
    client.on('notification', (message: pg.Notification) => {
      // Other processes' notifications reach this connection too; the dedicated one handles them.
      const ownBackend = (client as pg.ClientBase & { processID?: number | null }).processID;
      if (message.channel === CHANGE_CHANNEL && message.processId === ownBackend) signals.deliver(message.payload ?? '');
    });
    await client.query(`LISTEN ${CHANGE_CHANNEL}`).catch(() => undefined);
  };
}

function listenOnDedicatedConnection(config: pg.ClientConfig, signals: Signals, delays: ReconnectDelays): Listening {
  let closed = false;
  let current: pg.Client | undefined;
  let wake: (() => void) | undefined;

  const session = async (): Promise<boolean> => {
    const client = new pg.Client({
      ...config,
      application_name: LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: config.connectionTimeoutMillis || 5_000,
      query_timeout: HEARTBEAT_MS,
    });
    current = client;
    const ended = new Promise<void>((resolve) => {
      client.on('error', () => resolve());
      client.on('end', () => resolve());
    });
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) signals.deliver(message.payload ?? '');
    });
    let heartbeat: NodeJS.Timeout | undefined;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (closed) return false;
      signals.resumed();
      heartbeat = setInterval(() => {
        client.query('select 1').catch(() => client.end().catch(() => undefined));
      }, HEARTBEAT_MS);
      heartbeat.unref();
      await ended;
      return true;
    } catch {
      return false;
    } finally {
      clearInterval(heartbeat);
      if (!closed) signals.lost();
      await client.end().catch(() => undefined);
    }
  };

  const run = async () => {
    let failures = 0;
    while (!closed) {
      failures = (await session()) ? 0 : failures + 1;
      if (closed) break;
      const delay = Math.min(delays.maxMs, delays.firstMs * 2 ** Math.max(0, failures - 1));
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay).unref();
      });
    }
  };
  const running = run();

  return {
    close: async () => {
      closed = true;
      wake?.();
      await current?.end().catch(() => undefined);
      await running;
    },
  };
}
