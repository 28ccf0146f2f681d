import { bytesFromHex, refused, singleHeader, type HeaderValue, type SignatureCheck } from './signature-check.ts';
import { checkTimestampedDigests, timestampedBodyDigest, type TimestampedCheckOptions } from './timestamped-hmac.ts';

/**
 * For SMS gateways that do not copy Twilio: the gateway sends the Unix time in one header and, in
 * another, the hex HMAC-SHA256 of `<that time>.<raw body>` keyed with a secret shared with Hallway.
 * The header names are the gateway's, set per channel; these are the names Hallway suggests.
 */
export const GENERIC_GATEWAY_SIGNATURE_HEADER = 'x-signature';
export const GENERIC_GATEWAY_TIMESTAMP_HEADER = 'x-signature-timestamp';

export interface GenericGatewayRequest {
  signature: HeaderValue;
  timestamp: HeaderValue;
  rawBody: Uint8Array | string;
}

export interface GenericGatewayVerification extends TimestampedCheckOptions {
  secret: string;
}

/** The signature header value a gateway would send; tests and local round trips use it. */
export function signGenericGatewayRequest(secret: string, timestampSeconds: string, rawBody: Uint8Array | string): string {
  return timestampedBodyDigest(secret, timestampSeconds, rawBody).toString('hex');
}

export function verifyGenericGatewayRequest(request: GenericGatewayRequest, options: GenericGatewayVerification): SignatureCheck {
  const signature = singleHeader(request.signature);
  const timestamp = singleHeader(request.timestamp);
  if (signature === 'missing' || timestamp === 'missing') return refused('missing');
  if (signature === 'malformed' || timestamp === 'malformed') return refused('malformed');
  // Some gateways label the digest the way GitHub does; the label adds nothing, so it may be there or not.
  const received = bytesFromHex(signature.replace(/^sha256=/i, ''));
  if (received === null) return refused('malformed');
  return checkTimestampedDigests(timestamp, [received], [options.secret], request.rawBody, options, 'gateway');
}
