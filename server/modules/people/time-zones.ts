// Time zones are checked against the runtime's IANA database (Intl), so no list goes stale here.

const knownSpellings = new Map<string, string>(
  [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]),
);

/**
 * The zone's usual spelling ("europe/paris" -> "Europe/Paris"), or undefined when it is not an
 * IANA zone name. Offsets such as "+01:00" are refused: they ignore daylight saving time.
 */
export function normaliseTimeZone(value: string): string | undefined {
  const candidate = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(candidate) || candidate.length > 64) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: candidate }).resolvedOptions().timeZone;
    // Keep the name people gave (Asia/Kolkata) even when ICU prefers an older alias (Asia/Calcutta).
    return knownSpellings.get(candidate.toLowerCase()) ?? (resolved.toLowerCase() === candidate.toLowerCase() ? resolved : candidate);
  } catch {
    return undefined;
  }
}
