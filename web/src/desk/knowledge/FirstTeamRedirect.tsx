import { Navigate } from 'react-router';
import { useMe } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';

/**
 * The navigation's "Articles" and "Knowledge report" links (one address for everyone) open the page
 * of the viewer's first team (the one they lead, for the report); each page switches teams itself.
 */
export function FirstTeamRedirect({ to, leadFirst = false }: { to: (team: string) => string; leadFirst?: boolean }) {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const memberships = me.data?.memberships ?? [];
  const first = (leadFirst ? memberships.find((m) => m.role === 'lead') : undefined) ?? memberships[0];
  if (first) return <Navigate to={to(first.team.slug)} replace />;
  return <EmptyState>{en.desk.noTeams}</EmptyState>;
}
