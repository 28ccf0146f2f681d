import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { businessCalendarOfTeam } from '../calendars/calendars.service.ts';
import { listServices } from '../catalog/catalog.service.ts';
import { findTeamById, findTeamBySlug } from '../people/people.service.ts';
import { findSlaPolicy } from '../sla/sla.service.ts';
import type { SlaTargets, SlaTargetsByPriority } from '../sla/sla.tables.ts';
import { articleReadScopeOf } from '../knowledge/articles.policy.ts';
import { toArticleSummaries } from '../knowledge/articles.views.ts';
import type { TeamPage } from './team-page.schema.ts';
import { selectTopArticles } from './team-page.store.ts';

// A team's page: its hours, what one may ask it for, what it promises, and its most useful articles.
// Every part is read through the owning module's service, with the viewer's access applied.

const TOP_ARTICLES = 6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** "30 minutes", "1 business hour", "4 business hours", "1.5 business hours". */
export function businessDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} business minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} business hour${hours === 1 ? '' : 's'}`;
}

/** One policy's targets for one priority as a sentence; undefined when it promises nothing there. */
export function targetInWords(targets: SlaTargets | undefined): string | undefined {
  if (!targets) return undefined;
  const parts = [
    targets.firstResponse !== undefined ? `first reply within ${businessDuration(targets.firstResponse)}` : undefined,
    targets.nextResponse !== undefined ? `each further reply within ${businessDuration(targets.nextResponse)}` : undefined,
    targets.resolution !== undefined ? `resolved within ${businessDuration(targets.resolution)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (parts.length === 0) return undefined;
  const sentence = parts.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function promisesOf(policies: Array<{ name: string; targets: SlaTargetsByPriority }>): TeamPage['promises'] {
  return policies.flatMap((policy) =>
    PRIORITIES.flatMap((priority) => {
      const target = targetInWords(policy.targets[priority]);
      const label = `${priority.charAt(0).toUpperCase()}${priority.slice(1)} priority`;
      return target ? [{ name: policies.length === 1 ? label : `${policy.name}: ${label.toLowerCase()}`, target }] : [];
    }),
  );
}

export async function getTeamPage(db: Queryable, actor: Actor, idOrSlug: string): Promise<TeamPage> {
  const team = UUID.test(idOrSlug) ? await findTeamById(db, idOrSlug.toLowerCase()) : await findTeamBySlug(db, idOrSlug);
  if (!team) throw new AppError('TEAM_NOT_FOUND', `No team ${idOrSlug}`, [{ field: 'params.slug', reason: 'no team has this slug or id' }]);
  const scope = articleReadScopeOf(actor);
  const [calendar, { items: services }, articleRows] = await Promise.all([
    businessCalendarOfTeam(db, team.id),
    listServices(db, actor, { team: team.slug }),
    selectTopArticles(db, team.id, { isAdmin: scope.everything, teamIds: scope.teamIds }, TOP_ARTICLES),
  ]);
  const articles = await toArticleSummaries(db, articleRows);
  // The promises are those of the services the viewer may use, each policy once.
  const policyIds = [...new Set(services.map((service) => service.slaPolicyId).filter((id): id is string => id !== null))];
  const policies = (await Promise.all(policyIds.map((id) => findSlaPolicy(db, id)))).filter((policy) => policy !== undefined);
  policies.sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    description: team.description === '' ? null : team.description,
    hours: calendar ? { timeZone: calendar.timeZone, weekly: calendar.business.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })) } : null,
    services: services.map((service) => ({ slug: service.slug, name: service.name, description: service.description })),
    promises: promisesOf(policies),
    articles,
  };
}
