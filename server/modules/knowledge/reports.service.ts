import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findTeamById } from '../people/people.service.ts';
import { mayReadKnowledgeReports, type KnowledgeActor } from './deflection.policy.ts';
import { groupWordings } from './gaps.grouping.ts';
import { selectGapWordings } from './gaps.store.ts';
import { periodOf, type ContentGapsReport, type DeflectionReport, type ReportQuery } from './reports.schema.ts';
import { selectServiceCounts, selectTeamCounts, type Counts } from './reports.store.ts';

// The knowledge reports (formulas: docs/metrics.md, "Deflection rate" and "Content gaps").

/** The content-gaps report lists this many groups at most, biggest first. */
export const MAX_GAP_GROUPS = 100;

/** solved / (solved + filed), null when nobody came by (0/0 is "no data", not 0 %). */
export function deflectionRate(counts: Pick<Counts, 'solved' | 'filed'>): number | null {
  const attempts = counts.solved + counts.filed;
  return attempts === 0 ? null : counts.solved / attempts;
}

const withRate = <Row extends Counts>(row: Row) => ({ ...row, rate: deflectionRate(row) });

export async function getDeflectionReport(db: Queryable, actor: KnowledgeActor, query: ReportQuery, now = new Date()): Promise<DeflectionReport> {
  const teamId = await reportTeam(db, actor, query.team);
  const period = periodOf(query, now);
  const scope = { teamId, since: period.since, until: period.until };
  const [teams, services] = await Promise.all([selectTeamCounts(db, scope), selectServiceCounts(db, scope)]);
  return { from: period.from, to: period.to, teams: teams.map(withRate), services: services.map(withRate) };
}

export async function getContentGapsReport(db: Queryable, actor: KnowledgeActor, query: ReportQuery, now = new Date()): Promise<ContentGapsReport> {
  const teamId = await reportTeam(db, actor, query.team);
  const period = periodOf(query, now);
  const wordings = await selectGapWordings(db, { teamId, since: period.since, until: period.until });
  return { from: period.from, to: period.to, groups: groupWordings(wordings).slice(0, MAX_GAP_GROUPS) };
}

/**
 * Access before existence: someone who is not a lead of the named team is refused (403) whether or
 * not it exists, so team ids cannot be probed; an admin naming an unknown team hears 404.
 */
async function reportTeam(db: Queryable, actor: KnowledgeActor, team: string | undefined): Promise<string | 'all'> {
  const teamId = team?.toLowerCase();
  if (!mayReadKnowledgeReports(actor, teamId)) {
    throw new AppError(
      'FORBIDDEN',
      teamId === undefined ? 'Only admins see the reports of every team; name your team with ?team=' : "Only the team's leads and admins see its knowledge reports",
      [{ field: 'query.team', reason: teamId === undefined ? 'is required unless you are an admin' : 'is not a team you lead' }],
    );
  }
  if (teamId === undefined) return 'all';
  if (!(await findTeamById(db, teamId))) throw new AppError('TEAM_NOT_FOUND', undefined, [{ field: 'query.team', reason: 'no team has this id' }]);
  return teamId;
}
