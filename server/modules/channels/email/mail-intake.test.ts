import { connect, createServer, type AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/support/roles.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import type { Database } from '../../../platform/db/database.ts';
import { upsertMailSettings } from './inbound.store.ts';
import { startMailIntake } from './mail-intake.ts';

// What `hallway serve` starts: the listener takes mail while running and is gone once stopped.

let database: Database;
const silent = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  database = await createTestDatabase();
  const cast = await buildCast(database);
  await upsertMailSettings(database.db, { teamId: cast.team.id, inboundAddress: 'desk@hallway.test' });
});
afterAll(() => database.close());

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('the mail intake of a running server', () => {
  it('takes mail on the configured port until stopped', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const intake = await startMailIntake(database, { smtp: { port, host: '127.0.0.1', maxMessageBytes: 100_000 }, imapPollSeconds: 3600 }, silent);
    const info = await nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ from: 'emma@corp.test', to: 'desk@hallway.test', subject: 'Hello', text: 'Hi' });
    expect(info.accepted).toEqual(['desk@hallway.test']);
    await intake.stop();
    expect(await refusesConnections(port)).toBe(true);
  });
});
