import { timingSafeEqual } from 'node:crypto';

/**
 * The outcome of checking a signed inbound request. A refusal says why, so a route can log the
 * reason and answer 401 without ever saying which part of the signature was wrong.
 */
export type SignatureFailure = 'missing' | 'malformed' | 'mismatch' | 'expired' | 'replayed';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

export const accepted: SignatureCheck = Object.freeze({ ok: true });
export function refused(reason: SignatureFailure): SignatureCheck {
  return { ok: false, reason };
}

/** A header as Node hands it over: absent, once, or (for a repeated header) several times. */
export type HeaderValue = string | readonly string[] | undefined;

/**
 * One header value, or why there is none. A header sent twice is malformed rather than
 * "pick the first": two signatures on one request is not something a provider ever does.
 */
export function singleHeader(value: HeaderValue): string | 'missing' | 'malformed' {
  if (value === undefined) return 'missing';
  if (typeof value !== 'string') return value.length === 0 ? 'missing' : 'malformed';
  const trimmed = value.trim();
  return trimmed === '' ? 'missing' : trimmed;
}

/**
 * Compares two byte strings in time that depends only on their length. timingSafeEqual throws
 * on unequal lengths; a signature of the wrong length is simply not the right signature.
 */
export function constantTimeEqual(expected: Uint8Array, received: Uint8Array): boolean {
  if (expected.length !== received.length) return false;
  return timingSafeEqual(expected, received);
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Hex in either case to bytes; null for anything else (Buffer.from would silently stop at junk). */
export function bytesFromHex(text: string): Buffer | null {
  return HEX.test(text) ? Buffer.from(text, 'hex') : null;
}

/** Standard padded base64 to bytes; null for anything else (Buffer.from skips characters it dislikes). */
export function bytesFromBase64(text: string): Buffer | null {
  return text !== '' && BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}

/** The bytes that were signed: a string body is taken as its UTF-8 encoding. */
export function rawBytes(body: Uint8Array | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
