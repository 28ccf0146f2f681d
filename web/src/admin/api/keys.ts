// The console's query keys, all under 'admin' so the console's reads never mix with the portal's
// (the portal's service list shows only what the viewer may ask for; the console's includes inactive ones).
export const adminKeys = {
  all: ['admin'] as const,
  services: ['admin', 'services'] as const,
  service: (id: string) => ['admin', 'services', id] as const,
  teams: ['admin', 'teams'] as const,
  team: (slug: string) => ['admin', 'teams', slug] as const,
  people: (search: string, includeInactive: boolean) => ['admin', 'people', search, includeInactive] as const,
  person: (id: string) => ['admin', 'people', 'one', id] as const,
  slaPolicies: ['admin', 'sla-policies'] as const,
  agreements: ['admin', 'agreements'] as const,
  calendars: ['admin', 'calendars'] as const,
  calendar: (id: string) => ['admin', 'calendars', id] as const,
  tokens: ['admin', 'tokens'] as const,
};
