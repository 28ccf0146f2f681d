import type { RouteObject } from 'react-router';
import { isAgent, isLeadOrAdmin, type AreaLink } from '../components/area-links.ts';
import { en } from '../i18n/en.ts';
import { deskKnowledge } from '../i18n/en-desk-knowledge.ts';
import { isKnowledgePath } from './knowledge/knowledge-paths.ts';


const knowledge = async () => import('./knowledge/ArticleEditorPage.tsx');
const firstTeam = async () => (await import('./knowledge/FirstTeamRedirect.tsx')).FirstTeamRedirect;

// The agent desk, under /desk: each page its own chunk, so employees never load it.
export const deskRoutes: RouteObject[] = [
  { path: 'desk', lazy: async () => ({ Component: (await import('./DeskHomePage.tsx')).DeskHomePage }) },
  // Before :team, so "requests", "articles" and "knowledge-report" are never read as a team's slug.
  { path: 'desk/chats', lazy: async () => ({ Component: (await import('./chat/WaitingChatsPage.tsx')).WaitingChatsPage }) },
  { path: 'desk/requests/:key', lazy: async () => ({ Component: (await import('./request/DeskRequestPage.tsx')).DeskRequestPage }) },
  {
    path: 'desk/articles',
    lazy: async () => {
      const Redirect = await firstTeam();
      return { Component: () => <Redirect to={(team) => `/desk/${encodeURIComponent(team)}/articles`} /> };
    },
  },
  { path: 'desk/articles/:slug', lazy: async () => ({ Component: (await knowledge()).ArticleEditorPage }) },
  {
    path: 'desk/knowledge-report',
    lazy: async () => {
      const Redirect = await firstTeam();
      return { Component: () => <Redirect leadFirst to={(team) => `/desk/${encodeURIComponent(team)}/knowledge-report`} /> };
    },
  },
  { path: 'desk/:team', lazy: async () => ({ Component: (await import('./queue/QueuePage.tsx')).QueuePage }) },
  { path: 'desk/:team/articles', lazy: async () => ({ Component: (await import('./knowledge/ArticlesPage.tsx')).ArticlesPage }) },
  { path: 'desk/:team/articles/new', lazy: async () => ({ Component: (await knowledge()).NewArticlePage }) },
  { path: 'desk/:team/knowledge-report', lazy: async () => ({ Component: (await import('./knowledge/KnowledgeReportPage.tsx')).KnowledgeReportPage }) },
];

// Knowledge pages have links of their own, so the queue's link is not "current" on them too.
export const deskLinks: AreaLink[] = [
  { to: '/desk', label: en.desk.nav, active: (path) => path.startsWith('/desk') && !isKnowledgePath(path), visibleTo: isAgent },
  { to: '/desk/chats', label: en.chat.desk.nav, active: (path) => path.startsWith('/desk/chats'), visibleTo: isAgent },
  { to: '/desk/articles', label: deskKnowledge.nav.articles, active: (path) => isKnowledgePath(path) && !path.endsWith('/knowledge-report'), visibleTo: isAgent },
  { to: '/desk/knowledge-report', label: deskKnowledge.nav.report, active: (path) => path.endsWith('/knowledge-report'), visibleTo: isLeadOrAdmin },
];
