import { ApiError, toProblem } from './problem.ts';

// A small typed client over fetch. The browser sends the session cookie itself (same origin); writes
// carry the session's CSRF token, which the API hands out at sign-in and again on GET /me, so a
// reloaded page recovers it without keeping it anywhere but memory.

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Makes a retried POST safe: the API answers the first result again instead of filing a twin. */
  idempotencyKey?: string;
  /** The version the change was made against (the ETag it read): the API refuses it if the resource moved on. */
  ifMatch?: number;
  signal?: AbortSignal;
}

const API_ROOT = '/api/v1';

async function send(path: string, options: CallOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  // A file goes as multipart/form-data: the browser writes that header itself, with its boundary.
  const isForm = options.body instanceof FormData;
  // A Blob (a CSV file for the directory import) goes as it is, labelled with its own type.
  const isBlob = options.body instanceof Blob;
  if (options.body !== undefined && !isForm) headers['content-type'] = isBlob ? (options.body as Blob).type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  try {
    return await fetch(`${API_ROOT}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm || isBlob ? (options.body as FormData | Blob) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    // Offline, DNS, a refused connection: no status at all. Code NETWORK lets pages say so.
    throw new ApiError({ title: 'Hallway cannot be reached', status: 0, code: 'NETWORK' });
  }
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Calls the API and returns its JSON as T. The type is the caller's promise (api/types.ts mirrors
 * the server's response schemas, checked by test/web/api-types.contract.ts); it is not re-validated here.
 */
export async function callApi<T>(path: string, options: CallOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body = await bodyOf(response);
  if (!response.ok) throw new ApiError(toProblem(response.status, body));
  return body as T;
}

/** For endpoints that answer 204 No Content. */
export async function callApiNoContent(path: string, options: CallOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) throw new ApiError(toProblem(response.status, await bodyOf(response)));
}

/** `?a=1&b=2` from the defined values only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
