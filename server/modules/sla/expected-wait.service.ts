import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CalendarNeverOpensError, nextClose, nextOpen } from '../calendars/business-time.ts';
import { businessCalendarOfTeam } from '../calendars/calendars.service.ts';
import { findVisibleService } from '../catalog/catalog.service.ts';
import type { CatalogActor } from '../catalog/catalog.policy.ts';
import { firstResponseMedian } from '../requests/requests.service.ts';
import type { ExpectedWaitView } from './sla.schema.ts';
import { resolveTargets } from './sla-targets.ts';

// "How long will I wait?" for an employee opening a service: whether the team works now and when it
// next opens, what it commits to (to this employee: an agreement with their home team counts), and
// what it actually did lately, which is what people believe.

/** The window of "recently". */
const RECENT_DAYS = 30;
/**
 * Fewer answered requests than this in the window and a service's own median says more about luck
 * than about the team: the team's median over all its requests is shown instead.
 */
export const SERVICE_SAMPLE_THRESHOLD = 5;

export async function expectedWait(db: Queryable, viewer: CatalogActor, idOrSlug: string, now = new Date()): Promise<ExpectedWaitView> {
  // Whoever may see the service (its audience, the team, admins: catalog.policy.ts); 404 otherwise.
  const service = await findVisibleService(db, viewer, idOrSlug);
  if (!service.active) throw new AppError('SERVICE_NOT_FOUND', undefined, [{ field: 'params.idOrSlug', reason: 'is not an active service' }]);

  const [calendar, targets] = await Promise.all([
    businessCalendarOfTeam(db, service.teamId),
    resolveTargets(db, { serviceId: service.id, requesterId: viewer.personId, priority: service.defaultPriority }, now),
  ]);
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const ofService = await firstResponseMedian(db, { serviceId: service.id }, since, now);
  const recent =
    ofService.sampleSize >= SERVICE_SAMPLE_THRESHOLD
      ? { ...ofService, basis: 'service' as const }
      : { ...(await firstResponseMedian(db, { teamId: service.teamId }, since, now)), basis: 'team' as const };
  const basis = recent.sampleSize === 0 ? 'none' : recent.basis;

  return {
    ...openingHours(calendar, now),
    committedFirstResponseMinutes: targets?.byMetric.first_response?.targetMinutes ?? null,
    recentMedianFirstResponseMinutes: recent.medianMinutes === null ? null : Math.round(recent.medianMinutes * 10) / 10,
    basis,
    sampleSize: recent.sampleSize,
  };
}

/** A team without a calendar is taken as always open, the assumption its SLA clocks make too. */
function openingHours(calendar: Awaited<ReturnType<typeof businessCalendarOfTeam>>, now: Date) {
  if (!calendar) return { openNow: true, nextOpenAt: now.toISOString(), timeZone: 'UTC' };
  try {
    const opens = nextOpen(calendar.business, now);
    const openNow = opens.getTime() === now.getTime();
    const closes = openNow ? nextClose(calendar.business, now) : null;
    return { openNow, nextOpenAt: opens.toISOString(), timeZone: calendar.timeZone, ...(closes ? { closesAt: closes.toISOString() } : {}) };
  } catch (error) {
    if (error instanceof CalendarNeverOpensError) return { openNow: false, nextOpenAt: null, timeZone: calendar.timeZone };
    throw error;
  }
}
