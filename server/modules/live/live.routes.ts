import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import type { ChangeSignals } from '../../platform/events/change-signals.ts';
import { LiveHub, type StreamSink } from './live.service.ts';

/** How long a browser waits before reconnecting after the stream ends or breaks. */
const RETRY_MS = 3_000;
/**
 * A client that reads nothing while the socket's buffer grows past this is dropped (it reconnects
 * and reads everything again): a stalled tab must not make the server hold hints for it.
 */
const MAX_UNSENT_BYTES = 64 * 1024;

const DESCRIPTION = `Server-Sent Events (text/event-stream) for the signed-in caller, so pages refresh without reloading.

- \`event: request\`, \`data: {"key":"IT-42","last":1234}\`: request IT-42 moved (a new request, a reply, a change) and you may see it,
  or it just left your team (a handoff); \`last\` is its newest timeline event. Read what changed through the API.
- \`event: resync\`: changes may have been missed; read again whatever you show.
- Comment lines (\`: keep-alive\`) every ~25 s.

The stream ends when your credentials change (signed out, revoked, a new role): reconnect, and you are
authenticated afresh. A request you may not see is never mentioned, and internal activity only to the team's agents.`;

// HTTP only: the stream's lifecycle. Who hears what is the hub's (live.service.ts).
export function liveRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const hub = new LiveHub(deps.database, { log: app.log });
    const unregister = registerHub(deps.database.changes, hub);
    // Before the server stops accepting: open streams would otherwise keep app.close() waiting.
    app.addHook('preClose', async () => {
      hub.close();
      unregister();
    });

    app.get(
      '/live',
      {
        // A HEAD would open a stream that never sends a body and never ends.
        exposeHeadRoute: false,
        schema: { tags: ['live'], summary: 'Live hints about requests you can see (Server-Sent Events)', description: DESCRIPTION },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        reply.hijack();
        const response = reply.raw;
        response.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          // nginx and friends buffer responses by default, which would hold hints back.
          'x-accel-buffering': 'no',
        });
        response.socket?.setNoDelay(true);
        response.write(`retry: ${RETRY_MS}\n\n`);
        const close = hub.open(actor, sinkOf(response));
        response.on('close', () => {
          close();
          // The API's onResponse hook logs a stream we ended (its response finished); one the client
          // left never finishes, so it gets the same line here.
          if (!response.writableFinished) {
            request.log.info({ method: request.method, url: request.routeOptions.url, status: 200, ms: Math.round(reply.elapsedTime) }, 'request');
          }
          // A client that went away may leave its half of the socket open: let go of ours too.
          if (!response.writableEnded) response.destroy();
        });
        // Gone before we listened (it closed while we were authenticating): forget it now.
        if (response.destroyed) close();
      },
    );
  };
}

function sinkOf(response: ServerResponse): StreamSink {
  return {
    write(chunk) {
      if (response.destroyed || response.writableEnded) return;
      if (response.writableLength > MAX_UNSENT_BYTES) response.destroy();
      else response.write(chunk);
    },
    end() {
      if (!response.writableEnded) response.end();
    },
  };
}

// Open streams per database, for diagnostics and tests (two apps over one database each have a hub).
const hubsBySignals = new WeakMap<ChangeSignals, Set<LiveHub>>();

function registerHub(signals: ChangeSignals, hub: LiveHub): () => void {
  const hubs = hubsBySignals.get(signals) ?? new Set<LiveHub>();
  hubsBySignals.set(signals, hubs);
  hubs.add(hub);
  return () => hubs.delete(hub);
}

/** How many live streams are open over this database's change signals, across its apps. */
export function openLiveStreams(signals: ChangeSignals): number {
  let count = 0;
  for (const hub of hubsBySignals.get(signals) ?? []) count += hub.size;
  return count;
}
