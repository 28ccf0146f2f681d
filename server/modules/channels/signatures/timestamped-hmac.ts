import { createHash, createHmac } from 'node:crypto';
import type { ReplayGuard } from './replay-guard.ts';
import { accepted, constantTimeEqual, rawBytes, refused, type SignatureCheck } from './signature-check.ts';
import { DEFAULT_TOLERANCE_SECONDS, isWithinWindow, parseUnixSeconds, systemClock, type Clock } from './timestamp-window.ts';

/**
 * HMAC-SHA256 of `<unix seconds>.<raw body>`: the construction Hallway signs its own deliveries with
 * and accepts from generic SMS gateways. The timestamp inside the signed bytes is what lets a
 * receiver refuse an old request replayed with its original signature.
 */
export function timestampedBodyDigest(secret: string, timestampSeconds: string, rawBody: Uint8Array | string): Buffer {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`, 'utf8').update(rawBytes(rawBody)).digest();
}

export interface TimestampedCheckOptions {
  toleranceSeconds?: number;
  now?: Clock;
  replayGuard?: ReplayGuard;
}

/**
 * The checks after the header is parsed: the window, then any received digest against any secret
 * (several of each during a rotation), then the replay memory. Every pair is compared; none is
 * skipped once one matches, so time does not say which one did. The memory is keyed by what was
 * signed (timestamp and body), not by the digest that matched: the same delivery stripped down to
 * its old-secret signature is still the same delivery.
 */
export function checkTimestampedDigests(
  timestampText: string,
  receivedDigests: readonly Buffer[],
  secrets: readonly string[],
  rawBody: Uint8Array | string,
  options: TimestampedCheckOptions,
  replayKeyPrefix: string,
): SignatureCheck {
  const signedAtSeconds = parseUnixSeconds(timestampText);
  if (signedAtSeconds === null || receivedDigests.length === 0) return refused('malformed');
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!isWithinWindow(signedAtSeconds * 1000, (options.now ?? systemClock)(), toleranceSeconds)) return refused('expired');

  let matched = false;
  for (const secret of secrets) {
    const expected = timestampedBodyDigest(secret, timestampText, rawBody);
    for (const received of receivedDigests) {
      if (constantTimeEqual(expected, received)) matched = true;
    }
  }
  if (!matched) return refused('mismatch');

  const signedContent = createHash('sha256').update(`${timestampText}.`, 'utf8').update(rawBytes(rawBody)).digest('hex');
  const rememberUntilMs = (signedAtSeconds + toleranceSeconds) * 1000;
  if (options.replayGuard && !options.replayGuard.admit(`${replayKeyPrefix}:${signedContent}`, rememberUntilMs)) {
    return refused('replayed');
  }
  return accepted;
}
