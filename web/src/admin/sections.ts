import type { Me } from '../api/types.ts';

// The console's sections and who may use them. The server decides every action; this only keeps
// a lead from being sent to pages where every action would be refused.

export type SectionId = 'services' | 'people' | 'teams' | 'sla' | 'calendars' | 'channels' | 'tokens';

export interface Section {
  id: SectionId;
  path: string;
  /** Admins run everything; leads manage their own teams' services, members, promises and hours. */
  forLeads: boolean;
}

export const sections: readonly Section[] = [
  { id: 'services', path: '/admin/services', forLeads: true },
  { id: 'people', path: '/admin/people', forLeads: false },
  { id: 'teams', path: '/admin/teams', forLeads: true },
  { id: 'sla', path: '/admin/sla', forLeads: true },
  { id: 'calendars', path: '/admin/calendars', forLeads: true },
  // Mail, chat apps, outbox and webhooks reach people outside a team's own work: admins keep them.
  { id: 'channels', path: '/admin/channels', forLeads: false },
  { id: 'tokens', path: '/admin/tokens', forLeads: true },
];

export type Caller = Pick<Me, 'isAdmin' | 'memberships'>;

export const leadsTeams = (me: Caller): string[] => me.memberships.filter((membership) => membership.role === 'lead').map((membership) => membership.team.slug);

export function sectionsFor(me: Caller): Section[] {
  if (me.isAdmin) return [...sections];
  if (leadsTeams(me).length === 0) return sections.filter((section) => section.id === 'tokens');
  return sections.filter((section) => section.forLeads);
}
