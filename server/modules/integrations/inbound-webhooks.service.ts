import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { linkTo } from '../../platform/http/public-url.ts';
import { findService } from '../catalog/catalog.service.ts';
import { fileRequestThroughService } from '../catalog/intake.service.ts';
import { findPersonById, findTeamById, membershipsOfPerson, requireTeamBySlug } from '../people/people.service.ts';
import type { RequestActor } from '../requests/requests.policy.ts';
import { addComment, createRequest, findRequestForHallway } from '../requests/requests.service.ts';
import type { InboundCall } from './inbound-payload.ts';
import type { CreateInboundWebhookBody, InboundWebhookView } from './inbound-webhooks.schema.ts';
import * as store from './inbound-webhooks.store.ts';
import { newWebhookSecret, SECRET_OVERLAP_MS } from './webhook-secrets.ts';

// Inbound webhooks: admins make them (secret shown once); monitoring and project tools call them.

function requireAdmin(actor: Pick<Actor, 'isAdmin'>): void {
  if (!actor.isAdmin) throw new AppError('FORBIDDEN', 'Only admins manage inbound webhooks');
}

async function toView(db: Queryable, row: store.InboundWebhookRow, now = new Date()): Promise<InboundWebhookView> {
  const [team, requester] = await Promise.all([findTeamById(db, row.teamId), findPersonById(db, row.requesterId)]);
  const overlapping = row.previousSecretUntil && row.previousSecretUntil.getTime() > now.getTime() ? row.previousSecretUntil : null;
  return {
    id: row.id,
    name: row.name,
    url: linkTo(`/api/v1/hooks/${row.id}`),
    team: { id: row.teamId, slug: team?.slug ?? '', name: team?.name ?? '' },
    serviceId: row.serviceId,
    requester: { id: row.requesterId, name: requester?.name ?? '' },
    enabled: row.enabled,
    previousSecretValidUntil: overlapping?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInboundWebhooks(db: Queryable, actor: Actor): Promise<{ items: InboundWebhookView[] }> {
  requireAdmin(actor);
  return { items: await Promise.all((await store.selectInboundWebhooks(db)).map((row) => toView(db, row))) };
}

export async function createInboundWebhook(db: Queryable, actor: Actor, input: CreateInboundWebhookBody): Promise<InboundWebhookView & { secret: string }> {
  requireAdmin(actor);
  const team = await requireTeamBySlug(db, input.team, 'body.team');
  const requester = await findPersonById(db, input.requester);
  if (!requester?.active) throw new AppError('PERSON_NOT_FOUND', undefined, [{ field: 'body.requester', reason: 'no active person has this id' }]);
  if (input.serviceId) {
    const service = await findService(db, input.serviceId);
    if (service?.teamId !== team.id) throw fieldError('body.serviceId', `is not a service of ${team.name}`);
  }
  const secret = newWebhookSecret();
  const row = await store.insertInboundWebhook(db, {
    name: input.name,
    teamId: team.id,
    serviceId: input.serviceId ?? null,
    requesterId: requester.id,
    secret,
    createdBy: actor.personId,
  });
  return { ...(await toView(db, row)), secret };
}

export async function rotateInboundWebhookSecret(db: Queryable, actor: Actor, id: string, now = new Date()): Promise<InboundWebhookView & { secret: string }> {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const current = await store.selectInboundWebhook(tx, id);
    if (!current) throw new AppError('INBOUND_WEBHOOK_NOT_FOUND');
    const secret = newWebhookSecret();
    const row = await store.updateInboundWebhook(tx, id, { secret, previousSecret: current.secret, previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_MS) });
    return { ...(await toView(tx, row!, now)), secret };
  });
}

export async function deleteInboundWebhook(db: Queryable, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  if (!(await store.deleteInboundWebhook(db, id))) throw new AppError('INBOUND_WEBHOOK_NOT_FOUND');
}

export interface InboundOutcome {
  key: string;
  /** True when this call filed the request; false for a repeat of an external id. */
  created: boolean;
  /** A repeat that said "resolved" added a comment saying so. */
  commented: boolean;
}

/**
 * Files the call's request for the hook's team (through its service when set) as the hook's
 * requester, channel 'webhook', in one transaction with its receipt; a repeat of an external id
 * finds the first request instead, and a repeat saying "resolved" adds a public comment to it.
 */
export async function receiveInboundCall(db: Queryable, hook: store.InboundWebhookRow, call: InboundCall): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const actor = await requesterActor(tx, hook.requesterId);
    if (call.externalId !== null) {
      const receipt = await store.claimExternalId(tx, hook.id, call.externalId);
      if (!receipt.claimed) {
        const earlier = receipt.requestId ? await findRequestForHallway(tx, { id: receipt.requestId }) : undefined;
        // The request was deleted since: the receipt stays, and the repeat is acknowledged as such.
        if (!earlier) return { key: '', created: false, commented: false };
        const commented = call.resolved && earlier.status !== 'resolved' && earlier.status !== 'closed';
        if (commented) await addComment(tx, actor, earlier.key, { body: `${hook.name} reports this resolved.`, visibility: 'public' });
        return { key: earlier.key, created: false, commented };
      }
    }
    const key = await fileRequest(tx, hook, actor, call);
    if (call.externalId !== null) {
      const filed = await findRequestForHallway(tx, { key });
      await store.recordReceiptRequest(tx, hook.id, call.externalId, filed!.id);
    }
    return { key, created: true, commented: false };
  });
}

async function fileRequest(tx: Queryable, hook: store.InboundWebhookRow, actor: RequestActor, call: InboundCall): Promise<string> {
  if (hook.serviceId) {
    const filed = await fileRequestThroughService(tx, actor, hook.serviceId, {
      subject: call.subject,
      description: call.description,
      priority: call.priority,
      answers: call.fields,
      channel: 'webhook',
    });
    return filed.body.key;
  }
  const team = await findTeamById(tx, hook.teamId);
  if (!team) throw new AppError('INTERNAL', 'the inbound webhook has no team');
  const listed = Object.entries(call.fields).map(([name, value]) => `${name}: ${String(value)}`);
  const description = listed.length > 0 ? `${call.description}\n\n${listed.join('\n')}`.trim().slice(0, 20_000) : call.description;
  const filed = await createRequest(tx, actor, { team: team.slug, subject: call.subject, description, priority: call.priority, channel: 'webhook' });
  return filed.body.key;
}

async function requesterActor(tx: Queryable, personId: string): Promise<RequestActor> {
  const person = await findPersonById(tx, personId);
  if (!person?.active) throw fieldError('hook.requester', "the inbound webhook's requester is no longer active; an admin must set another", 'PERSON_NOT_FOUND');
  const memberships = await membershipsOfPerson(tx, person.id);
  return { personId: person.id, name: person.name, isAdmin: person.isAdmin, memberships: memberships.map((m) => ({ teamId: m.id, role: m.role })) };
}
