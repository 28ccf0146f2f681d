import type { PersonDetailView, PersonView, TeamView } from './people.schema.ts';
import type { MembershipRole, PersonListingRow, TeamRow } from './people.store.ts';

export function toPersonView(row: PersonListingRow): PersonView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    homeTeam: row.homeTeamId ? { id: row.homeTeamId, slug: row.homeTeamSlug!, name: row.homeTeamName! } : null,
    manager: row.managerId ? { id: row.managerId, name: row.managerName!, email: row.managerEmail! } : null,
    location: row.location,
    timeZone: row.timeZone,
    phone: row.phone,
    isAdmin: row.isAdmin,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toPersonDetailView(
  row: PersonListingRow,
  memberships: Array<{ id: string; slug: string; name: string; role: MembershipRole }>,
): PersonDetailView {
  return {
    ...toPersonView(row),
    memberships: memberships.map(({ role, ...team }) => ({ team, role })),
  };
}

/** `inboundAddress` comes from the mail intake's settings (channels/email), null when the team receives no mail. */
export function toTeamView(row: TeamRow, inboundAddress: string | null): TeamView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    email: row.email,
    keyPrefix: row.keyPrefix,
    inboundAddress,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
