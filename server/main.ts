import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { probeTimerHandlers } from './platform/jobs/probe-timer.ts';
import { startTimerLoop, type TimerLoop } from './platform/jobs/timer-loop.ts';
import { ensureTimerCleanup, timerCleanupHandlers } from './platform/jobs/timer-cleanup.ts';
import { formatSignInBox, prepareFirstStart } from './modules/demo/first-start.ts';
import { domainTimerHandlers } from './modules/domain-timers.ts';
import { startMailIntake, type MailIntake } from './modules/channels/email/mail-intake.ts';
import { domainDeliveryQueues } from './modules/domain-workers.ts';
import { startDeliveryWorker, type DeliveryWorker } from './platform/jobs/delivery-worker.ts';
import { setPublicUrl } from './platform/http/public-url.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** config -> database -> migrations -> first-start data -> app -> listen -> timer loop; nothing else. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  let app: FastifyInstance | undefined;
  let timers: TimerLoop | undefined;
  let mailIntake: MailIntake;
  let deliveryWorkers: DeliveryWorker[] = [];
  setPublicUrl(config.publicUrl);
  try {
    await runMigrations(database);
    app = await buildApp({ database, config });
    const firstStart = await prepareFirstStart(database, config, app.log);
    // Before listening: once "listening" is logged, start-up is done and a signal finds its handler.
    await ensureTimerCleanup(database);
    // Printed before listening: if listening fails (port taken), the one-time password is not lost.
    const signIn = formatSignInBox(firstStart);
    if (signIn) process.stdout.write(signIn);
    const url = await app.listen({ port: config.port, host: config.host });
    app.log.info({ url, database: database.kind }, 'Hallway is listening');
    // Fires warnings, breaches and escalations; several processes may share one server (decision 0009).
    timers = startTimerLoop(database, { ...probeTimerHandlers, ...timerCleanupHandlers, ...domainTimerHandlers }, {
      pollIntervalMs: config.timerPollMs,
      firedBy: `${hostname()}:${process.pid}`,
      logger: app.log.child({ component: 'timers' }),
    });
    // The SMTP listener (when HALLWAY_SMTP_PORT is set) and team mailbox polling (decision 0020).
    mailIntake = await startMailIntake(database, config, app.log.child({ component: 'mail-intake' }));
    // Mail, webhooks and chat-app posts queued by changes go out from here (decision 0022).
    const deliveryLog = app.log.child({ component: 'deliveries' });
    deliveryWorkers = domainDeliveryQueues(config).map((queue) =>
      startDeliveryWorker(database, queue, { pollIntervalMs: config.timerPollMs, logger: deliveryLog }),
    );
  } catch (error) {
    await Promise.all(deliveryWorkers.map((worker) => worker.stop().catch(() => undefined)));
    await timers?.stop().catch(() => undefined);
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
    // Stop accepting and firing timers, let in-flight requests (up to the grace period) and the
    // firing in progress finish, then close the database.
    stop: () => {
      stopping ??= (async () => {
        const grace = setTimeout(() => listening.server.closeAllConnections(), config.shutdownGraceMs);
        const timersStopped = timers.stop();
        const mailStopped = mailIntake.stop();
        const deliveriesStopped = Promise.all(deliveryWorkers.map((worker) => worker.stop()));
        try {
          await listening.close();
        } finally {
          clearTimeout(grace);
          await timersStopped;
          await mailStopped;
          await deliveriesStopped;
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
