import type { RouteObject } from 'react-router';
import { en } from '../i18n/en.ts';
import type { AreaLink } from '../components/area-links.ts';
import { knowledgeLink, knowledgeRoutes } from '../knowledge/routes.tsx';
import { ApprovalsNavCount } from './approvals/ApprovalsNavCount.tsx';

// The employee portal's pages, each its own chunk.
export const portalRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./catalog/CatalogPage.tsx')).CatalogPage }) },
  { path: 'services/:slug', lazy: async () => ({ Component: (await import('./service-form/ServiceFormPage.tsx')).ServiceFormPage }) },
  { path: 'requests', lazy: async () => ({ Component: (await import('./requests/MyRequestsPage.tsx')).MyRequestsPage }) },
  { path: 'requests/:key', lazy: async () => ({ Component: (await import('./requests/RequestPage.tsx')).RequestPage }) },
  { path: 'approvals', lazy: async () => ({ Component: (await import('./approvals/ApprovalsPage.tsx')).ApprovalsPage }) },
  { path: 'chat', lazy: async () => ({ Component: (await import('./chat/ChatPage.tsx')).ChatPage }) },
  { path: 'holidays', lazy: async () => ({ Component: (await import('./holidays/HolidaysPage.tsx')).HolidaysPage }) },
  { path: 'profile', lazy: async () => ({ Component: (await import('./profile/ProfilePage.tsx')).ProfilePage }) },
  { path: 'requests/:key/sent', lazy: async () => ({ Component: (await import('./requests/SentPage.tsx')).SentPage }) },
  ...knowledgeRoutes,
];

export const portalLinks: AreaLink[] = [
  { to: '/', label: en.nav.catalog, active: (path) => path === '/' || path.startsWith('/services'), visibleTo: () => true },
  knowledgeLink,
  { to: '/requests', label: en.nav.myRequests, active: (path) => path.startsWith('/requests'), visibleTo: () => true },
  // Anyone may be asked (as a manager, a lead or by name), so everyone sees the link; the count says when something waits.
  { to: '/approvals', label: en.nav.approvals, active: (path) => path.startsWith('/approvals'), visibleTo: () => true, badge: ApprovalsNavCount },
  { to: '/chat', label: en.chat.nav, active: (path) => path.startsWith('/chat'), visibleTo: () => true },
  { to: '/holidays', label: en.nav.holidays, active: (path) => path.startsWith('/holidays'), visibleTo: () => true },
  { to: '/profile', label: en.nav.profile, active: (path) => path.startsWith('/profile'), visibleTo: () => true },
];
