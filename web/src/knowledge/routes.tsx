import type { RouteObject } from 'react-router';
import type { AreaLink } from '../components/area-links.ts';
import { knowledge } from '../i18n/en-knowledge.ts';

// The employee's knowledge pages, each its own chunk (the portal lists them among its routes).
export const knowledgeRoutes: RouteObject[] = [
  { path: 'kb', lazy: async () => ({ Component: (await import('./pages/KnowledgeHomePage.tsx')).KnowledgeHomePage }) },
  { path: 'kb/:slug', lazy: async () => ({ Component: (await import('./pages/ArticlePage.tsx')).ArticlePage }) },
  { path: 'search', lazy: async () => ({ Component: (await import('./pages/SearchPage.tsx')).SearchPage }) },
  { path: 'teams/:slug', lazy: async () => ({ Component: (await import('./pages/TeamPage.tsx')).TeamPage }) },
];

export const knowledgeLink: AreaLink = {
  to: '/kb',
  label: knowledge.nav,
  active: (path) => path.startsWith('/kb') || path.startsWith('/search') || path.startsWith('/teams/'),
  visibleTo: () => true,
};
