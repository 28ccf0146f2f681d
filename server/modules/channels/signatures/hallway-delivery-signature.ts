import { bytesFromHex, refused, singleHeader, type HeaderValue, type SignatureCheck } from './signature-check.ts';
import { checkTimestampedDigests, timestampedBodyDigest, type TimestampedCheckOptions } from './timestamped-hmac.ts';

/**
 * How Hallway signs its own outgoing webhook deliveries (decision 0021):
 *
 *   Hallway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<...>]
 *
 * While a subscription's secret is being rotated, a delivery carries one v1 per live secret, so a
 * receiver holding either the old or the new secret accepts it. Unknown fields (a future v2) are
 * ignored by the verifier, so the scheme can grow without breaking receivers.
 */
export const HALLWAY_SIGNATURE_HEADER = 'Hallway-Signature';

export function signHallwayDelivery(secrets: readonly string[], timestampSeconds: number, rawBody: Uint8Array | string): string {
  if (secrets.length === 0) throw new RangeError('A delivery is signed with at least one secret');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError('The timestamp is whole Unix seconds');
  const t = String(timestampSeconds);
  const signatures = secrets.map((secret) => `v1=${timestampedBodyDigest(secret, t, rawBody).toString('hex')}`);
  return [`t=${t}`, ...signatures].join(',');
}

export interface HallwayDelivery {
  signature: HeaderValue;
  rawBody: Uint8Array | string;
}

export interface HallwayVerification extends TimestampedCheckOptions {
  /** The receiver's secret, or its old and new secrets while it rotates them. */
  secrets: readonly string[];
}

export function verifyHallwayDelivery(delivery: HallwayDelivery, options: HallwayVerification): SignatureCheck {
  const header = singleHeader(delivery.signature);
  if (header === 'missing' || header === 'malformed') return refused(header);
  const fields = parseSignatureFields(header);
  if (fields === null || fields.t.length !== 1) return refused('malformed');
  const digests = fields.v1.map(bytesFromHex);
  if (digests.some((digest) => digest === null)) return refused('malformed');
  return checkTimestampedDigests(fields.t[0] ?? '', digests as Buffer[], options.secrets, delivery.rawBody, options, 'hallway');
}

/** `t=..,v1=..,v1=..` into its t and v1 values; null when a part is not `name=value`. */
function parseSignatureFields(header: string): { t: string[]; v1: string[] } | null {
  const fields = { t: [] as string[], v1: [] as string[] };
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return null;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === 't' || name === 'v1') fields[name].push(value);
  }
  return fields;
}
