import type { Priority, RequestStatus } from '../../api/types.ts';

// The queue's state lives in the URL (/desk/:team?view=…&status=…), so a view can be bookmarked,
// shared and reloaded. Pure: the parsing and the API query it makes are tested without a browser.

export const queueViews = ['open', 'mine', 'unassigned', 'breaching', 'waiting'] as const;
export type QueueView = (typeof queueViews)[number];

export const openStatuses: readonly RequestStatus[] = ['pending_approval', 'new', 'acknowledged', 'in_progress', 'waiting_on_requester'];
export const allStatuses: readonly RequestStatus[] = [...openStatuses, 'resolved', 'closed'];
export const allPriorities: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

export type QueueSort = 'newest' | 'due';
export type QueueLayout = 'list' | 'board';

export interface QueueFilters {
  view: QueueView;
  statuses: RequestStatus[];
  priorities: Priority[];
  /** 'me', 'none', a person id, or '' for anyone. */
  assignee: string;
  text: string;
  sort: QueueSort;
  layout: QueueLayout;
}

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
}

const defaultSort = (view: QueueView): QueueSort => (view === 'breaching' ? 'due' : 'newest');

/** Anything unknown in the URL (an old bookmark, a typo) falls back to the default, never to an error. */
export function filtersFrom(search: URLSearchParams): QueueFilters {
  const viewParam = search.get('view');
  const view: QueueView = (queueViews as readonly string[]).includes(viewParam ?? '') ? (viewParam as QueueView) : 'open';
  const sortParam = search.get('sort');
  return {
    view,
    statuses: listOf(search.get('status'), allStatuses),
    priorities: listOf(search.get('priority'), allPriorities),
    assignee: search.get('assignee')?.trim() ?? '',
    text: search.get('q')?.trim() ?? '',
    sort: sortParam === 'due' || sortParam === 'newest' ? sortParam : defaultSort(view),
    layout: search.get('layout') === 'board' ? 'board' : 'list',
  };
}

/** The URL's search for these filters, leaving out whatever is the default so URLs stay short. */
export function searchFrom(filters: QueueFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.view !== 'open') search.set('view', filters.view);
  if (filters.statuses.length > 0) search.set('status', filters.statuses.join(','));
  if (filters.priorities.length > 0) search.set('priority', filters.priorities.join(','));
  if (filters.assignee) search.set('assignee', filters.assignee);
  if (filters.text) search.set('q', filters.text);
  if (filters.sort !== defaultSort(filters.view)) search.set('sort', filters.sort);
  if (filters.layout === 'board') search.set('layout', 'board');
  return search;
}

/** Whether the view decides who the requests are assigned to, so the assignee filter does not apply. */
export const viewFixesAssignee = (view: QueueView): boolean => view === 'mine' || view === 'unassigned';

/**
 * The GET /requests query for a team's queue. A view is a starting point; a status filter narrows
 * or widens it (e.g. "resolved" in all open shows resolved ones), an assignee filter applies where
 * the view does not already fix the assignee.
 */
export function listQuery(team: string, filters: QueueFilters): Record<string, string | undefined> {
  const viewStatuses: readonly RequestStatus[] = filters.view === 'waiting' ? ['waiting_on_requester'] : openStatuses;
  const statuses = filters.statuses.length > 0 ? filters.statuses : viewStatuses;
  const assignee = filters.view === 'mine' ? 'me' : filters.view === 'unassigned' ? 'none' : filters.assignee || undefined;
  return {
    team,
    status: statuses.join(','),
    assignee,
    breaching: filters.view === 'breaching' ? 'soon' : undefined,
    priority: filters.priorities.length > 0 ? filters.priorities.join(',') : undefined,
    text: filters.text || undefined,
    sort: filters.sort,
  };
}
