/** How far a signed timestamp may be from our clock, either way, unless a channel says otherwise. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** Milliseconds since the epoch; injected so tests never depend on the real clock. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

const UNIX_SECONDS = /^\d{1,12}$/;

/** A header's Unix time in whole seconds, or null when it is not plainly that. */
export function parseUnixSeconds(text: string): number | null {
  return UNIX_SECONDS.test(text) ? Number(text) : null;
}

/**
 * Whether a request signed at `signedAtMs` is recent enough. The window is symmetric: a timestamp
 * far in the future is as suspect as an old one (a captured request replayed after a clock jump).
 */
export function isWithinWindow(signedAtMs: number, nowMs: number, toleranceSeconds: number): boolean {
  return Math.abs(nowMs - signedAtMs) <= toleranceSeconds * 1000;
}
