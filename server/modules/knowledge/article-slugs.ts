// An article's address (/kb/<slug>): made from its title, unique across teams (pure functions).

/** Words the article routes use beside /articles/{slug} (GET /articles/categories). */
const RESERVED = new Set(['categories', 'preview']);
const MAX_BASE = 80;

export const isReservedSlug = (slug: string): boolean => RESERVED.has(slug);

/** "Reset your VPN password (Mac)" -> "reset-your-vpn-password-mac"; accents dropped; "article" if nothing is left. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.slice(0, MAX_BASE).replace(/-+$/g, '');
  return cut === '' ? 'article' : cut;
}

/** The base itself when free, else base-2, base-3 ... after the highest one taken. */
export function nextFreeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base) && !isReservedSlug(base)) return base;
  let highest = 1;
  for (const slug of used) {
    const match = new RegExp(`^${base}-([0-9]+)$`).exec(slug);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${base}-${highest + 1}`;
}
