import type { Queryable } from '../../platform/db/database.ts';
import { canView, type RequestActor } from './requests.policy.ts';
import type { RequestDetails } from './requests.schema.ts';
import * as store from './requests.store.ts';

/**
 * What other modules keep about a request, shown on its detail view: the service it was asked
 * through, the workflow request that opened it, and its service-level clocks (due times, paused,
 * met or missed). Those modules call back into requests, so they are loaded on first use, as the
 * reactions are (request-reactions.ts), instead of imported at the top.
 */
export async function detailsOf(db: Queryable, actor: RequestActor, row: store.RequestRow, now = new Date()): Promise<RequestDetails> {
  if (row.serviceId === null && row.parentId === null) return { service: null, parent: null, sla: [] };
  const [{ findService }, { clockViews }] = await Promise.all([import('../catalog/catalog.service.ts'), import('../sla/sla-clocks.service.ts')]);
  const [service, parent, sla] = await Promise.all([
    row.serviceId === null ? undefined : findService(db, row.serviceId),
    row.parentId === null ? undefined : store.selectRequestById(db, row.parentId),
    row.serviceId === null ? [] : clockViews(db, row.id, now),
  ]);
  return {
    service: service ? { id: service.id, slug: service.slug, name: service.name } : null,
    // The parent is named only to those who may open it: a confidential onboarding stays unnamed
    // to the IT agent working its laptop step.
    parent: parent && canView(actor, parent) ? { key: parent.key, subject: parent.subject } : null,
    sla,
  };
}
