import type { Service } from '../../api/types.ts';

/** Folds case and accents, so "cafe" finds "Café". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Services in which every word of the search appears (name, description or team), in catalog order. */
export function filterServices(services: readonly Service[], search: string): Service[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...services];
  return services.filter((service) => {
    const haystack = fold(`${service.name} ${service.description} ${service.team.name} ${service.slug}`);
    return words.every((word) => haystack.includes(word));
  });
}

export interface TeamGroup {
  team: Service['team'];
  services: Service[];
}

/** Services by owning team, teams in alphabetical order, services in the order the API gave. */
export function groupByTeam(services: readonly Service[]): TeamGroup[] {
  const groups = new Map<string, TeamGroup>();
  for (const service of services) {
    const group = groups.get(service.team.slug) ?? { team: service.team, services: [] };
    group.services.push(service);
    groups.set(service.team.slug, group);
  }
  return [...groups.values()].sort((a, b) => a.team.name.localeCompare(b.team.name));
}
