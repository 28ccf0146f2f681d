import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { formatSignInBox, prepareFirstStart } from './modules/demo/first-start.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** config -> database -> migrations -> first-start data -> app -> listen; nothing else. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    await runMigrations(database);
    app = await buildApp({ database, config });
    const firstStart = await prepareFirstStart(database, config, app.log);
    // Printed before listening: if listening fails (port taken), the one-time password is not lost.
    const signIn = formatSignInBox(firstStart);
    if (signIn) process.stdout.write(signIn);
    const url = await app.listen({ port: config.port, host: config.host });
    app.log.info({ url, database: database.kind }, 'Hallway is listening');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const listening = app;
  let stopping: Promise<void> | undefined;
  return {
    app: listening,
    database,
    url: `http://127.0.0.1:${(listening.server.address() as { port: number }).port}`,
    // Stop accepting, let in-flight requests finish (up to the grace period), then close the database.
    stop: () => {
      stopping ??= (async () => {
        const grace = setTimeout(() => listening.server.closeAllConnections(), config.shutdownGraceMs);
        try {
          await listening.close();
        } finally {
          clearTimeout(grace);
          await database.close();
        }
      })();
      return stopping;
    },
  };
}

/** Graceful shutdown on SIGTERM and SIGINT; a second signal exits at once. */
export function stopOnSignals(server: RunningServer): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(1);
    received = true;
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
