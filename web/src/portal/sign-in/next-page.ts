/**
 * Where to go after signing in: only a path on this site, so `?next=https://elsewhere` or
 * `?next=//elsewhere` cannot turn the sign-in page into a redirector for phishing links.
 */
export function nextPage(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
