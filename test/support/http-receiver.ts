import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the receiver got, as sent. */
export interface ReceivedCall {
  method: string;
  /** Path and query, e.g. `/api/chat.postMessage`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers a call with; the default is 200 with `{"ok":true}`. */
export interface ReceiverAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow peer). */
  delayMs?: number;
}

export interface HttpReceiver {
  /** http://127.0.0.1:<port> */
  url: string;
  calls: ReceivedCall[];
  /** Sets how calls to paths starting with `pathPrefix` are answered (latest rule wins); a function sees the call. */
  answer(pathPrefix: string, answer: ReceiverAnswer | ((call: ReceivedCall) => ReceiverAnswer)): void;
  /** Resolves once `count` calls in all (or to paths starting with `pathPrefix`) have arrived. */
  waitFor(count: number, pathPrefix?: string, timeoutMs?: number): Promise<ReceivedCall[]>;
  close(): Promise<void>;
}

/**
 * A local HTTP peer for channel tests: stands in for Slack's Web API, a Teams incoming webhook, an
 * SMS gateway or a webhook subscriber, records every call byte for byte and answers as told.
 */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const calls: ReceivedCall[] = [];
  const rules: Array<{ prefix: string; answer: ReceiverAnswer | ((call: ReceivedCall) => ReceiverAnswer) }> = [];
  const waiters: Array<{ count: number; prefix: string; resolve: (found: ReceivedCall[]) => void }> = [];
  const matching = (prefix: string) => calls.filter((call) => call.path.startsWith(prefix));

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call: ReceivedCall = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      calls.push(call);
      const rule = [...rules].reverse().find((candidate) => call.path.startsWith(candidate.prefix));
      const answer = rule ? (typeof rule.answer === 'function' ? rule.answer(call) : rule.answer) : { status: 200, body: '{"ok":true}' };
      for (const waiter of [...waiters]) {
        const found = matching(waiter.prefix);
        if (found.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(found);
        }
      }
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body ?? '');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answer: (prefix, answer) => {
      rules.push({ prefix, answer });
    },
    waitFor: (count, prefix = '', timeoutMs = 20_000) => {
      const found = matching(prefix);
      if (found.length >= count) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`http receiver: ${matching(prefix).length} of ${count} calls to ${prefix || '/'} after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, prefix, resolve: (calls) => (clearTimeout(timer), resolve(calls)) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
