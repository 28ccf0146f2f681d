import path from 'node:path';
import { z } from 'zod';

/** Reads "0"/"1"/"true"/"false" the way people write flags in an environment. */
const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { message: 'must be 1/0, true/false or yes/no' })
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  HALLWAY_DATA_DIR: z.string().min(1).default('./data'),
  /** The embedded database's buffer cache (PostgreSQL's shared_buffers), e.g. 32MB or 1GB. */
  HALLWAY_EMBEDDED_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]{0,5}(kB|MB|GB)$/, 'must be a size such as 32MB or 1GB')
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HALLWAY_DEMO: flag.default(true),
  HALLWAY_ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
  HALLWAY_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALLWAY_SECURE_COOKIES: flag.default(false),
  HALLWAY_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  /** Behind a reverse proxy: `true`, or the proxies' addresses/subnets, comma-separated. */
  HALLWAY_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/,\s]+)$/, 'must be true, false or a list of proxy addresses')
    .optional(),
  HALLWAY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** The timer loop's longest sleep: timers other processes schedule are seen within this long. */
  HALLWAY_TIMER_POLL_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(10, 'must be at least 10 (ms)')
    .max(60_000, 'must be at most 60000 (one minute)')
    .default(500),
  /** Hallway's own SMTP listener for team mail (decision 0020); off when unset. */
  HALLWAY_SMTP_PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).optional(),
  /** Where the listener binds: the local relay by default, never the world by accident. */
  HALLWAY_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  HALLWAY_SMTP_MAX_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .min(10_000, 'must be at least 10000')
    .max(40 * 1024 * 1024, 'must be at most 41943040 (40 MiB)')
    .default(25 * 1024 * 1024),
  /** How often team mailboxes (IMAP) are polled. */
  /** Where people reach Hallway: links in mail and chat messages point here. */
  HALLWAY_PUBLIC_URL: z.url({ message: 'must be a URL such as https://hallway.example.com' }).optional(),
  /** The relay outgoing mail is handed to (smtp://user:pass@host:587, smtps://... for TLS); unset keeps mail queued. */
  HALLWAY_MAIL_RELAY_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  HALLWAY_IMAP_POLL_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(5).max(3600).default(60),
});

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string; sharedBuffers?: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  seedDemo: boolean;
  firstAdmin?: { email: string; password: string };
  logLevel: string;
  secureCookies: boolean;
  bodyLimitBytes: number;
  shutdownGraceMs: number;
  /** The durable timer loop's poll interval (decision 0009). */
  timerPollMs: number;
  /** Fastify's trustProxy: which X-Forwarded-For hops to believe for the client address. */
  trustProxy: boolean | string;
  /** The SMTP listener for team mail, when HALLWAY_SMTP_PORT is set. */
  smtp?: { port: number; host: string; maxMessageBytes: number };
  imapPollSeconds: number;
  /** Links in mail and chat messages start with this (no trailing slash). */
  publicUrl: string;
  /** Outgoing mail's relay, or undefined: mail then stays queued in the outbox (decision 0022). */
  mailRelayUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Hallway cannot start, its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; every bad value is reported on a line of its own. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const given = environment[name];
        return `${name}=${given === undefined ? '(unset)' : JSON.stringify(given)}: ${issue.message}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (Boolean(env.HALLWAY_ADMIN_EMAIL) !== Boolean(env.HALLWAY_ADMIN_PASSWORD)) {
    problems.push('HALLWAY_ADMIN_EMAIL and HALLWAY_ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : {
          kind: 'pglite',
          dataDir: path.resolve(env.HALLWAY_DATA_DIR),
          sharedBuffers: env.HALLWAY_EMBEDDED_SHARED_BUFFERS,
        },
    seedDemo: env.HALLWAY_DEMO,
    firstAdmin:
      env.HALLWAY_ADMIN_EMAIL && env.HALLWAY_ADMIN_PASSWORD
        ? { email: env.HALLWAY_ADMIN_EMAIL.toLowerCase(), password: env.HALLWAY_ADMIN_PASSWORD }
        : undefined,
    logLevel: env.LOG_LEVEL,
    secureCookies: env.HALLWAY_SECURE_COOKIES,
    bodyLimitBytes: env.HALLWAY_BODY_LIMIT_BYTES,
    shutdownGraceMs: env.HALLWAY_SHUTDOWN_GRACE_MS,
    timerPollMs: env.HALLWAY_TIMER_POLL_MS,
    trustProxy: parseTrustProxy(env.HALLWAY_TRUST_PROXY),
    smtp: env.HALLWAY_SMTP_PORT === undefined ? undefined : { port: env.HALLWAY_SMTP_PORT, host: env.HALLWAY_SMTP_HOST, maxMessageBytes: env.HALLWAY_SMTP_MAX_BYTES },
    imapPollSeconds: env.HALLWAY_IMAP_POLL_SECONDS,
    publicUrl: (env.HALLWAY_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    mailRelayUrl: env.HALLWAY_MAIL_RELAY_URL,
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false') return false;
  return value === 'true' ? true : value;
}
