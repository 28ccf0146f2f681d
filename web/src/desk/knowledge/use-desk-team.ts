import { useMe } from '../../api/queries.ts';
import { useTeams } from '../api/desk-queries.ts';

/**
 * The team a knowledge page is about, from the slug in its address: the API filters by team id.
 * Found in the viewer's memberships first (no request), else in the list of teams (an admin's view).
 */
export function useDeskTeam(slug: string) {
  const me = useMe();
  const membership = me.data?.memberships.find((m) => m.team.slug === slug);
  const teams = useTeams();
  const listed = teams.data?.find((team) => team.slug === slug);
  const team = membership ? membership.team : listed ? { id: listed.id, slug: listed.slug, name: listed.name } : undefined;
  return {
    team,
    me: me.data,
    isLead: Boolean(me.data?.isAdmin || membership?.role === 'lead'),
    isPending: me.isPending || (!membership && teams.isPending),
    /** Signed in and the teams read, yet no such team: a mistyped address. */
    isMissing: !me.isPending && !teams.isPending && !team,
    error: me.error ?? teams.error,
  };
}

/** An article's team by its id (the article names its team by id): its slug, for links and the member list. */
export function useTeamSlugById(teamId: string | undefined): string | undefined {
  const me = useMe();
  const teams = useTeams();
  return me.data?.memberships.find((m) => m.team.id === teamId)?.team.slug ?? teams.data?.find((team) => team.id === teamId)?.slug;
}
