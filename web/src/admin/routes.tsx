import type { RouteObject } from 'react-router';
import { isLeadOrAdmin, type AreaLink } from '../components/area-links.ts';
import { en } from '../i18n/en.ts';

// The lead and admin console, under /admin: each page its own chunk.
export const adminRoutes: RouteObject[] = [
  { path: 'admin', lazy: async () => ({ Component: (await import('./AdminHomePage.tsx')).AdminHomePage }) },
  { path: 'admin/services', lazy: async () => ({ Component: (await import('./services/ServicesPage.tsx')).ServicesPage }) },
  { path: 'admin/services/new', lazy: async () => ({ Component: (await import('./services/ServiceEditorPage.tsx')).ServiceEditorPage }) },
  { path: 'admin/services/:id', lazy: async () => ({ Component: (await import('./services/ServiceEditorPage.tsx')).ServiceEditorPage }) },
  { path: 'admin/people', lazy: async () => ({ Component: (await import('./people/PeoplePage.tsx')).PeoplePage }) },
  { path: 'admin/teams', lazy: async () => ({ Component: (await import('./teams/TeamsPage.tsx')).TeamsPage }) },
  { path: 'admin/teams/:slug', lazy: async () => ({ Component: (await import('./teams/TeamPage.tsx')).TeamPage }) },
  { path: 'admin/sla', lazy: async () => ({ Component: (await import('./sla/SlaPage.tsx')).SlaPage }) },
  { path: 'admin/calendars', lazy: async () => ({ Component: (await import('./calendars/CalendarsPage.tsx')).CalendarsPage }) },
  { path: 'admin/channels', lazy: async () => ({ Component: (await import('./channels/ChannelsPage.tsx')).ChannelsPage }) },
  { path: 'admin/teams/:slug/channels', lazy: async () => ({ Component: (await import('./channels/TeamChannelsPage.tsx')).TeamChannelsPage }) },
  { path: 'admin/tokens', lazy: async () => ({ Component: (await import('./tokens/TokensPage.tsx')).TokensPage }) },
];

export const adminLinks: AreaLink[] = [
  { to: '/admin', label: en.admin.nav, active: (path) => path.startsWith('/admin'), visibleTo: isLeadOrAdmin },
];
