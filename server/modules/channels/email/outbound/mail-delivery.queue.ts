import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { Database } from '../../../../platform/db/database.ts';
import type { DeliveryQueue } from '../../../../platform/jobs/delivery-worker.ts';
import { nextRetryDelayMs, type RandomSource, type RetryPolicy } from '../../signatures/delivery-retry-schedule.ts';
import { claimDueMail, recordFailure, recordSent, type OutboundMessageRow } from './outbox.store.ts';
import { noteRelayConfigured } from './relay-status.ts';

export interface MailDeliveryOptions {
  /** smtp:// or smtps:// URL of the relay; undefined keeps mail queued. */
  relayUrl?: string;
  retryPolicy?: RetryPolicy;
  random?: RandomSource;
  /** The attempt's instant (backoff); the clock unless a test sets it. */
  now?: () => Date;
}

/**
 * The relay is Hallway's own mail server, which itself retries delivery to the world for days
 * once it has accepted a message; what fails here is the relay being down or refusing for a while.
 * Twelve tries with ceilings of 1, 2, 4 ... minutes capped at an hour: about half a day of ceilings
 * (some 3-4 hours on average with full jitter) before a mail is shown as failed in the outbox.
 */
export const MAIL_RETRY_POLICY: RetryPolicy = Object.freeze({ baseDelayMs: 60_000, maxDelayMs: 60 * 60_000, maxAttempts: 12 });

export type MailDeliveryQueue = DeliveryQueue<OutboundMessageRow> & {
  /** Closes the pooled connections to the relay (the worker has stopped, or a test ends). */
  close(): void;
};

/**
 * The worker's side of the outbox (decision 0022): leases due mail, hands each to the relay over
 * one pooled SMTP transport, and records the relay's answer. A 5xx refusal is final; a 4xx or a
 * connection failure is tried again later by the retry policy, with the same Message-ID.
 */
export function mailDeliveryQueue(options: MailDeliveryOptions): MailDeliveryQueue {
  const { relayUrl } = options;
  const policy = options.retryPolicy ?? MAIL_RETRY_POLICY;
  const now = options.now ?? (() => new Date());
  noteRelayConfigured(Boolean(relayUrl));
  let transport: Transporter | undefined;
  const transporter = () =>
    (transport ??= nodemailer.createTransport({
      url: relayUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 30_000,
    }));

  return {
    name: 'mail',
    async claim(database: Database, at: Date, limit: number, leaseUntil: Date) {
      // Without a relay nothing is claimed: mail stays queued (and the outbox says why) until one is set.
      if (!relayUrl) return [];
      return database.db.transaction((tx) => claimDueMail(tx, at, limit, leaseUntil));
    },
    async deliver(database: Database, row: OutboundMessageRow) {
      const lease = row.leasedUntil;
      if (!lease) throw new Error('an outbound message was delivered without a lease');
      let response: string;
      try {
        response = (await transporter().sendMail(messageOf(row))).response ?? '';
      } catch (error) {
        const failure = relayFailure(error);
        const attemptsMade = row.attempts + 1;
        const delay = failure.permanent ? null : nextRetryDelayMs(attemptsMade, policy, options.random);
        const reason = failure.permanent ? `refused by the relay: ${failure.message}` : `gave up after ${attemptsMade} attempts: ${failure.message}`;
        await recordFailure(database.db, row.id, lease, failure.message, delay === null ? null : new Date(now().getTime() + delay), reason);
        return;
      }
      await recordSent(database.db, row.id, lease, response.slice(0, 500));
    },
    close: () => transport?.close(),
  };
}

/** The message as the relay gets it: our Message-ID and threading headers in angle brackets. */
export function messageOf(row: OutboundMessageRow): SendMailOptions {
  const bracketed = (id: string) => `<${id}>`;
  // RFC 3834 section 3.3: an answer to a mail goes out with the null reverse-path (MAIL FROM:<>), so
  // a failure to deliver it is never bounced back to anyone, us included.
  const answer = row.headers['Auto-Submitted'] === 'auto-replied';
  return {
    envelope: { from: answer ? '' : row.fromAddress, to: [row.toAddress] },
    from: row.fromAddress,
    to: row.toAddress,
    replyTo: row.replyTo ?? undefined,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? undefined,
    messageId: bracketed(row.messageId),
    inReplyTo: row.inReplyTo ? bracketed(row.inReplyTo) : undefined,
    references: row.references.length ? row.references.map(bracketed) : undefined,
    headers: row.headers,
  };
}

interface RelayFailure {
  permanent: boolean;
  /** The relay's reply or the connection error; never the message. */
  message: string;
}

function relayFailure(error: unknown): RelayFailure {
  const details = error as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  const code = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  const text = typeof details.response === 'string' ? details.response : String(details.message ?? error);
  const message = (code === undefined && typeof details.code === 'string' ? `${details.code}: ${text}` : text).slice(0, 500);
  // 5xx: the relay will never take it (RFC 5321 4.2.1). Everything else (4xx, a refused or dropped
  // connection, a timeout) may pass later.
  return { permanent: code !== undefined && code >= 500 && code < 600, message };
}
