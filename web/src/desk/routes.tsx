import type { RouteObject } from 'react-router';
import { isAgent, type AreaLink } from '../components/area-links.ts';
import { en } from '../i18n/en.ts';

// The agent desk, under /desk: each page its own chunk, so employees never load it.
export const deskRoutes: RouteObject[] = [
  { path: 'desk', lazy: async () => ({ Component: (await import('./DeskHomePage.tsx')).DeskHomePage }) },
  // Before :team, so "requests" is never read as a team's slug.
  { path: 'desk/requests/:key', lazy: async () => ({ Component: (await import('./request/DeskRequestPage.tsx')).DeskRequestPage }) },
  { path: 'desk/:team', lazy: async () => ({ Component: (await import('./queue/QueuePage.tsx')).QueuePage }) },
];

export const deskLinks: AreaLink[] = [
  { to: '/desk', label: en.desk.nav, active: (path) => path.startsWith('/desk'), visibleTo: isAgent },
];
