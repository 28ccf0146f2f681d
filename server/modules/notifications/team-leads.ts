import type { Queryable } from '../../platform/db/database.ts';
import { findPersonById, findTeamById } from '../people/people.service.ts';
import { getTeam } from '../people/teams.service.ts';

/** The ids of a team's leads who are still active (a lead who left keeps the membership row). */
export async function activeLeadIds(db: Queryable, teamId: string): Promise<string[]> {
  const team = await findTeamById(db, teamId);
  if (!team) return [];
  const { members } = await getTeam(db, team.slug);
  const ids: string[] = [];
  for (const member of members) {
    if (member.role === 'lead' && (await findPersonById(db, member.person.id))?.active) ids.push(member.person.id);
  }
  return ids;
}
