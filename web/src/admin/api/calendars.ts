import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent } from '../../api/client.ts';
import { adminKeys } from './keys.ts';
import type { Calendar, CalendarDetail, WeeklyInterval } from './types.ts';

// Calendars: a team's working week and closures, and the company's holidays.

const path = encodeURIComponent;

export function useCalendars() {
  return useQuery({
    queryKey: adminKeys.calendars,
    queryFn: ({ signal }) => callApi<{ items: Calendar[] }>('/calendars', { signal }),
    select: (data) => data.items,
  });
}

export function useCalendar(id: string | null) {
  return useQuery({
    queryKey: adminKeys.calendar(id ?? ''),
    queryFn: ({ signal }) => callApi<CalendarDetail>(`/calendars/${path(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export interface CalendarInput {
  name: string;
  kind: 'team' | 'company-holidays';
  teamId?: string | undefined;
  timeZone: string;
  weekly: WeeklyInterval[];
}

export function useCreateCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarInput) => callApi<CalendarDetail>('/calendars', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.calendars });
    },
  });
}

export function useUpdateCalendar(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; timeZone: string; weekly: WeeklyInterval[] }) => callApi<CalendarDetail>(`/calendars/${path(id)}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.calendars });
    },
  });
}

export type ClosureInput = { name: string; startsOn: string; endsOn: string } | { name: string; startsAt: string; endsAt: string };

export function useAddClosure(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClosureInput) => callApi<unknown>(`/calendars/${path(id)}/closures`, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.calendar(id) });
    },
  });
}

export function useRemoveClosure(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (closureId: string) => callApiNoContent(`/calendars/${path(id)}/closures/${path(closureId)}`, { method: 'DELETE' }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.calendar(id) });
    },
  });
}
