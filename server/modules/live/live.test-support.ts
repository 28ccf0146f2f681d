import type { FastifyInstance } from 'fastify';
import { get, type IncomingMessage } from 'node:http';

// Helpers for this module's tests (the name keeps it out of the test run).

export interface LiveEvent {
  event: string;
  data: string;
}

export interface StreamReader {
  status: number;
  contentType: string | null;
  events: LiveEvent[];
  comments: string[];
  retry: number | undefined;
  /** Resolves once the server has ended the stream (or it broke). */
  ended: Promise<void>;
  isEnded(): boolean;
  /** The request hints heard so far, as "key@last". */
  hints(): string[];
  close(): void;
}

export async function condition(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Listens on a free port of the loopback interface; returns the base URL. */
export async function listenOnFreePort(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/**
 * Opens GET /api/v1/live as a real HTTP client and parses the event stream as a browser would
 * (frames separated by a blank line; "event:", "data:", "retry:" fields; ":" comments). Node's
 * http with no agent, one socket per stream: fetch's pool opens a spare connection after an abort,
 * which would keep the server from closing.
 */
export async function openStream(baseUrl: string, headers: Record<string, string>): Promise<StreamReader> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = get(`${baseUrl}/api/v1/live`, { headers, agent: false }, resolve);
    request.on('error', reject);
  });
  let ended = false;
  const reader: StreamReader = {
    status: response.statusCode ?? 0,
    contentType: response.headers['content-type'] ?? null,
    events: [],
    comments: [],
    retry: undefined,
    ended: Promise.resolve(),
    isEnded: () => ended,
    hints: () =>
      reader.events
        .filter((e) => e.event === 'request')
        .map((e) => {
          const { key, last } = JSON.parse(e.data) as { key: string; last: number };
          return `${key}@${last}`;
        }),
    close: () => response.destroy(),
  };
  reader.ended = new Promise<void>((resolve) => {
    response.setEncoding('utf8');
    let buffered = '';
    response.on('data', (chunk: string) => {
      buffered += chunk;
      let boundary: number;
      while ((boundary = buffered.indexOf('\n\n')) >= 0) {
        parseFrame(buffered.slice(0, boundary), reader);
        buffered = buffered.slice(boundary + 2);
      }
    });
    // Ended by the server, aborted by the test, or broken: either way the stream is over.
    response.on('close', () => {
      ended = true;
      resolve();
    });
  });
  return reader;
}

function parseFrame(frame: string, reader: StreamReader): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) reader.comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
    else if (line.startsWith('retry: ')) reader.retry = Number(line.slice('retry: '.length));
  }
  if (data.length > 0) reader.events.push({ event, data: data.join('\n') });
}
