import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent, queryString, setCsrfToken } from './client.ts';
import type { KnowledgeOnFiling } from '../knowledge/api/types.ts';
import { ApiError } from './problem.ts';
import type {
  AnswerValue,
  Calendar,
  CalendarDetail,
  Approval,
  ApprovalStatus,
  CommentResult,
  Availability,
  ExpectedWait,
  Me,
  Page,
  Person,
  PersonDetail,
  Recognition,
  RequestAnswers,
  RequestDetail,
  RequestSummary,
  Service,
  SignedIn,
} from './types.ts';

// Server state, one hook per read, keyed so that a write can say what it changed.

export const queryKeys = {
  me: ['me'] as const,
  services: ['services'] as const,
  service: (slug: string) => ['services', slug] as const,
  expectedWait: (slug: string) => ['services', slug, 'expected-wait'] as const,
  availability: (team: string) => ['teams', team, 'availability'] as const,
  people: (search: string) => ['people', search] as const,
  person: (id: string) => ['people', 'one', id] as const,
  // Lists of requests start with 'requests', everything about one request with ['request', key],
  // so a live update about a request can refresh both with two prefixes.
  myRequests: ['requests', 'mine'] as const,
  request: (key: string) => ['request', key] as const,
  requestAnswers: (key: string) => ['request', key, 'answers'] as const,
  calendars: ['calendars'] as const,
  calendar: (id: string) => ['calendars', id] as const,
  // Approvals are lists of requests waiting on someone: under 'requests' so live updates refresh them too.
  approvals: ['requests', 'approvals'] as const,
  approvalsByStatus: (status: ApprovalStatus) => ['requests', 'approvals', status] as const,
};

const path = encodeURIComponent;

/** Who is signed in; null when nobody is (the API says 401). Keeps the CSRF token for writes. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await callApi<Me>('/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      callApi<SignedIn>('/session', { method: 'POST', body: credentials }),
    onSuccess: async (signedIn) => {
      setCsrfToken(signedIn.csrfToken);
      // Whatever was cached belonged to whoever was signed in before.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      await client.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callApiNoContent('/session', { method: 'DELETE' }),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
    },
  });
}

export function useServices() {
  return useQuery({
    queryKey: queryKeys.services,
    queryFn: ({ signal }) => callApi<{ items: Service[] }>('/services', { signal }),
    select: (data) => data.items,
  });
}

export function useService(slug: string) {
  return useQuery({
    queryKey: queryKeys.service(slug),
    queryFn: ({ signal }) => callApi<Service>(`/services/${path(slug)}`, { signal }),
  });
}

export function useExpectedWait(slug: string | undefined) {
  return useQuery({
    queryKey: queryKeys.expectedWait(slug ?? ''),
    queryFn: ({ signal }) => callApi<ExpectedWait>(`/services/${path(slug ?? '')}/expected-wait`, { signal }),
    enabled: slug !== undefined,
    // "Open now" changes by the minute, not by the second.
    staleTime: 60_000,
  });
}

/** A team's hours; null when the team keeps no calendar (it is then taken as always open). */
export function useTeamAvailability(team: string) {
  return useQuery({
    queryKey: queryKeys.availability(team),
    queryFn: async ({ signal }): Promise<Availability | null> => {
      try {
        return await callApi<Availability>(`/teams/${path(team)}/availability`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'TEAM_HAS_NO_CALENDAR') return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function usePeopleSearch(search: string) {
  return useQuery({
    queryKey: queryKeys.people(search),
    queryFn: ({ signal }) => callApi<Page<Person>>(`/people${queryString({ q: search || undefined, limit: 20 })}`, { signal }),
    select: (page) => page.items,
    placeholderData: (previous) => previous,
  });
}

/** One person of the directory, e.g. to name a person answer; people change rarely. */
export function usePerson(id: string) {
  return useQuery({
    queryKey: queryKeys.person(id),
    queryFn: ({ signal }) => callApi<Person>(`/people/${path(id)}`, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The signed-in person's directory entry (manager, time zone...): the same read as usePerson, typed in full. */
export function usePersonDetail(id: string) {
  return useQuery({
    queryKey: queryKeys.person(id),
    queryFn: ({ signal }) => callApi<PersonDetail>(`/people/${path(id)}`, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The person's answer to "how would you like to be thanked?"; /me answers with the person as they are now. */
export function useSetRecognition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (recognition: Recognition) => callApi<Me>('/me', { method: 'PATCH', body: { recognition } }),
    onSuccess: (me) => {
      if (me.csrfToken) setCsrfToken(me.csrfToken);
      client.setQueryData(queryKeys.me, me);
    },
  });
}

export function useMyRequests() {
  return useInfiniteQuery({
    queryKey: queryKeys.myRequests,
    queryFn: ({ pageParam, signal }) =>
      callApi<Page<RequestSummary>>(`/requests${queryString({ requester: 'me', limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRequest(key: string) {
  return useQuery({
    queryKey: queryKeys.request(key),
    queryFn: ({ signal }) => callApi<RequestDetail>(`/requests/${path(key)}`, { signal }),
  });
}

export function useRequestAnswers(key: string) {
  return useQuery({
    queryKey: queryKeys.requestAnswers(key),
    queryFn: ({ signal }) => callApi<RequestAnswers>(`/requests/${path(key)}/answers`, { signal }),
    // Answers never change once filed.
    staleTime: Infinity,
  });
}

export interface FileRequestInput {
  slug: string;
  answers: Record<string, AnswerValue>;
  /** The request's title; the API names it after the service when left out. */
  subject?: string | undefined;
  /** The help articles shown and opened before filing, and the search that led here (issue 5's deflection report). */
  knowledge?: KnowledgeOnFiling | undefined;
  idempotencyKey: string;
}

export function useFileRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, answers, subject, knowledge, idempotencyKey }: FileRequestInput) =>
      callApi<RequestSummary>(`/services/${path(slug)}/requests`, { method: 'POST', body: { answers, subject, knowledge }, idempotencyKey }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.myRequests });
    },
  });
}

/** A public reply from the requester. The typed text stays with the caller until this succeeds. */
export function useReply(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      callApi<CommentResult>(`/requests/${path(key)}/comments`, { method: 'POST', body: { body, visibility: 'public' } }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.request(key) }),
        client.invalidateQueries({ queryKey: queryKeys.myRequests }),
      ]);
    },
  });
}

/**
 * The requester closes a resolved request, or reopens it (back to in progress). Sent against the
 * version on screen: if the team changed it meanwhile the API says so (412) and the page reloads it.
 */
export function useRequesterStatusChange(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ status, version }: { status: 'closed' | 'in_progress'; version: number }) =>
      callApi<RequestSummary>(`/requests/${path(key)}`, { method: 'PATCH', body: { status }, ifMatch: version }),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.request(key) }),
        client.invalidateQueries({ queryKey: queryKeys.myRequests }),
      ]);
    },
  });
}

/** The approvals waiting on me (pending), or the ones I decided; the API gives up to 100, oldest first. */
export function useApprovals(status: ApprovalStatus) {
  return useQuery({
    queryKey: queryKeys.approvalsByStatus(status),
    queryFn: ({ signal }) => callApi<{ items: Approval[] }>(`/approvals${queryString({ status, limit: 100 })}`, { signal }),
    select: (data) => data.items,
    // Live hints cover requests the person may see; a manager asked to approve an HR request
    // usually may not, so what waits on them is also asked for again every minute.
    refetchInterval: status === 'pending' ? 60_000 : false,
  });
}

export interface DecisionInput {
  approval: Approval;
  decision: 'approve' | 'reject';
  comment: string;
}

export function useDecideApproval() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ approval, decision, comment }: DecisionInput) =>
      callApi<Approval>(`/requests/${path(approval.request.key)}/approvals/${path(approval.id)}/decision`, {
        method: 'POST',
        body: { decision, comment },
      }),
    // Refresh whether it worked or not: a 409 means someone else decided first, and the list should say so.
    onSettled: async (_result, _error, { approval }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.approvals }),
        client.invalidateQueries({ queryKey: queryKeys.request(approval.request.key) }),
      ]);
    },
  });
}

/**
 * The company holiday calendar with its closures; null when the company keeps none. Two reads:
 * the list says which calendar it is, the calendar itself carries the closures.
 */
export function useCompanyHolidays() {
  return useQuery({
    queryKey: [...queryKeys.calendars, 'company-holidays'] as const,
    queryFn: async ({ signal }): Promise<CalendarDetail | null> => {
      const { items } = await callApi<{ items: Calendar[] }>('/calendars', { signal });
      const company = items.find((calendar) => calendar.kind === 'company-holidays');
      return company ? callApi<CalendarDetail>(`/calendars/${path(company.id)}`, { signal }) : null;
    },
    // Holidays are set once a year or so.
    staleTime: 60 * 60_000,
  });
}
