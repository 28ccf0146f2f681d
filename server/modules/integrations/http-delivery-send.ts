/**
 * One HTTP call of a delivery, with no database in sight: a timeout over the whole exchange (answer
 * and body), redirects followed only within the same origin (a webhook URL must not be able to
 * bounce Hallway's signed body to another host), and a bounded read of the answer.
 */
export interface HttpCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export type HttpCallResult =
  | { kind: 'answered'; status: number; body: string; retryAfter: string | null }
  | { kind: 'error'; error: string; permanent: boolean };

export interface HttpCallOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** An answer's body is read up to this many bytes: enough for Slack's `ts`, never a memory hazard. */
const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_SAME_ORIGIN_REDIRECTS = 3;

export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export async function callHttp(call: HttpCall, options: HttpCallOptions): Promise<HttpCallResult> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = call.url;
  try {
    for (let hop = 0; ; hop += 1) {
      const response = await doFetch(url, { method: call.method, headers: call.headers, body: call.body, redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const next = sameOriginRedirect(url, response.status, response.headers.get('location'));
        if (next === null) return { kind: 'error', error: `redirect (${response.status}) not followed: only 307/308 to the same origin are`, permanent: true };
        if (hop >= MAX_SAME_ORIGIN_REDIRECTS) return { kind: 'error', error: 'too many redirects', permanent: true };
        url = next;
        continue;
      }
      const body = await readBounded(response);
      return { kind: 'answered', status: response.status, body, retryAfter: response.headers.get('retry-after') };
    }
  } catch (error) {
    return { kind: 'error', error: describeFailure(error, options.timeoutMs), permanent: false };
  }
}

/**
 * Only 307 and 308 keep the method and body; 301/302/303 would turn a POST into a GET and lose the
 * event, so they count as a wrong URL. The target must be the same scheme, host and port.
 */
function sameOriginRedirect(from: string, status: number, location: string | null): string | null {
  if ((status !== 307 && status !== 308) || !location) return null;
  try {
    const target = new URL(location, from);
    return target.origin === new URL(from).origin ? target.toString() : null;
  } catch {
    return null;
  }
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_ANSWER_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= MAX_ANSWER_BYTES) await reader.cancel();
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

/** A reason an admin can act on, without the URL's query string or anything sent. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `network error: ${cause.code}`;
  if (cause?.message) return `network error: ${cause.message}`.slice(0, 200);
  return `network error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
}
