import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ChangeSignals } from '../../platform/events/change-signals.ts';
import type { Database } from '../../platform/db/database.ts';
import { currentGrants, type CurrentGrant } from './live.store.ts';
import { RequestEventPoller } from './live.poller.ts';
import { mayHear, type RequestAnnouncement } from './request-announcement.ts';

/** Where a stream's text goes (an HTTP response in live.routes.ts). */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

export type StreamActor = Pick<Actor, 'personId' | 'name' | 'isAdmin' | 'memberships' | 'via' | 'credentialId'>;

export interface LiveHubOptions {
  /** Proxies drop a connection silent for a minute or so; a comment line every 25 s keeps it open. */
  heartbeatMs?: number;
  /** Credential changes come in bursts (an import, a team's members): one check for a burst. */
  recheckDelayMs?: number;
  /** How often the timeline is read while a stream is open: the delay of a hint (live.poller.ts). */
  pollMs?: number;
  log?: Pick<FastifyBaseLogger, 'warn'>;
}

const RESYNC = 'event: resync\ndata: {}\n\n';
const HEARTBEAT = ': keep-alive\n\n';

interface Stream {
  readonly actor: StreamActor;
  readonly sink: StreamSink;
}

/**
 * The open live streams of one app and what they hear: which requests moved (only those the
 * stream's person may read now), that everything should be read again (after signals were lost),
 * and nothing once their credential stops letting them in. A stream holds its actor and its sink,
 * nothing else; hints carry a key and an event id, the browser reads the rest through the API.
 */
export class LiveHub {
  readonly #streams = new Set<Stream>();
  readonly #poller: RequestEventPoller;
  readonly #stopListening: Array<() => void>;
  readonly #heartbeatMs: number;
  readonly #recheckDelayMs: number;
  #heartbeat: NodeJS.Timeout | undefined;
  #recheckTimer: NodeJS.Timeout | undefined;
  #rechecking: Promise<void> | undefined;
  #recheckAgain = false;
  #closed = false;

  constructor(
    private readonly database: Pick<Database, 'db' | 'changes'>,
    private readonly options: LiveHubOptions = {},
  ) {
    this.#heartbeatMs = options.heartbeatMs ?? 25_000;
    this.#recheckDelayMs = options.recheckDelayMs ?? 50;
    this.#poller = new RequestEventPoller(database.db, (moved) => this.#announce(moved), { intervalMs: options.pollMs, log: options.log });
    const changes: ChangeSignals = database.changes;
    this.#stopListening = [
      changes.subscribe('credentials', () => this.#scheduleRecheck()),
      changes.onLiveChange((live) => {
        if (!live) return;
        // What was announced while we were deaf is unknown: every browser reads its pages again,
        // and every credential is checked again (a revocation may have been missed too).
        this.#broadcast(RESYNC);
        this.#scheduleRecheck();
      }),
    ];
  }

  get size(): number {
    return this.#streams.size;
  }

  /** Whether the timeline is being read (only while a stream is open), and how many reads so far. */
  get polling(): { running: boolean; reads: number } {
    return { running: this.#poller.running, reads: this.#poller.reads };
  }

  /** Adds a stream; the returned function removes it (call it when the client goes away). */
  open(actor: StreamActor, sink: StreamSink): () => void {
    if (this.#closed) {
      sink.end();
      return () => undefined;
    }
    const stream: Stream = { actor, sink };
    this.#streams.add(stream);
    // Nobody listening, nothing read: the first stream starts the reads from now.
    if (!this.#poller.running) this.#poller.start();
    this.#heartbeat ??= setInterval(() => this.#beat(), this.#heartbeatMs).unref();
    return () => this.#remove(stream);
  }

  /** Ends every stream and stops listening (the app is closing). */
  close(): void {
    this.#closed = true;
    for (const stop of this.#stopListening) stop();
    clearTimeout(this.#recheckTimer);
    this.#poller.stop();
    for (const stream of [...this.#streams]) this.#end(stream);
  }

  #announce(moved: RequestAnnouncement[]): void {
    for (const announcement of moved) {
      const event = `event: request\ndata: ${JSON.stringify({ key: announcement.key, last: announcement.last })}\n\n`;
      for (const stream of this.#streams) if (mayHear(stream.actor, announcement)) stream.sink.write(event);
    }
  }

  #broadcast(chunk: string): void {
    for (const stream of this.#streams) stream.sink.write(chunk);
  }

  #beat(): void {
    this.#broadcast(HEARTBEAT);
    // Sessions also end by expiring, which nothing announces: the beat checks them too.
    this.#scheduleRecheck();
  }

  #scheduleRecheck(): void {
    if (this.#closed || this.#streams.size === 0 || this.#recheckTimer) return;
    this.#recheckTimer = setTimeout(() => {
      this.#recheckTimer = undefined;
      if (this.#rechecking) this.#recheckAgain = true;
      else this.#rechecking = this.#recheck().finally(() => (this.#rechecking = undefined));
    }, this.#recheckDelayMs);
  }

  /** One batched read for all streams; a stream whose credential no longer grants what it did ends. */
  async #recheck(): Promise<void> {
    do {
      this.#recheckAgain = false;
      const streams = [...this.#streams];
      if (streams.length === 0) return;
      const sessions = new Set<string>();
      const tokens = new Set<string>();
      for (const { actor } of streams) (actor.via === 'session' ? sessions : tokens).add(actor.credentialId);
      let grants: Map<string, CurrentGrant>;
      try {
        grants = await currentGrants(this.database.db, { sessions: [...sessions], tokens: [...tokens] });
      } catch (error) {
        // Streams carry hints only (a key, an event id); they stay until the next beat checks again.
        this.options.log?.warn({ err: error }, 'live: could not check the credentials of open streams');
        return;
      }
      for (const stream of streams) {
        const grant = grants.get(stream.actor.credentialId);
        // The browser reconnects on its own and is authenticated afresh, or refused.
        if (this.#streams.has(stream) && (!grant || !sameGrant(stream.actor, grant))) this.#end(stream);
      }
    } while (this.#recheckAgain && !this.#closed);
  }

  #end(stream: Stream): void {
    this.#remove(stream);
    stream.sink.end();
  }

  #remove(stream: Stream): void {
    this.#streams.delete(stream);
    if (this.#streams.size === 0) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = undefined;
      this.#poller.stop();
    }
  }
}

/** Whether the audience rules would judge the actor the same way now. */
function sameGrant(actor: StreamActor, grant: CurrentGrant): boolean {
  const roles = (memberships: StreamActor['memberships']) =>
    memberships
      .map((m) => `${m.teamId}:${m.role}`)
      .sort()
      .join(',');
  return actor.personId === grant.personId && actor.isAdmin === grant.isAdmin && roles(actor.memberships) === roles(grant.memberships);
}
