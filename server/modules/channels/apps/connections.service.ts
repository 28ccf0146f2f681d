import type { ZodError } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { AppError, fieldError, type FieldProblem } from '../../../platform/http/errors.ts';
import { findTeamById } from '../../people/people.service.ts';
import { requireTeam } from '../../people/teams.service.ts';
import { isTeamsSecurityToken } from '../signatures/teams-outgoing-webhook.ts';
import type { SignatureCheck } from '../signatures/signature-check.ts';
import type { ConnectionKind } from './apps.tables.ts';
import { canManageConnections } from './connections.policy.ts';
import {
  settingsSchemaOf,
  type ConnectionView,
  type CreateConnectionBody,
  type UpdateConnectionBody,
} from './connections.schema.ts';
import * as store from './connections.store.ts';

// A team's chat-app and SMS connections (decision 0025): the admin API, and the lookups and checks
// the channel endpoints (Slack, Teams, SMS) call.

export type { ChannelThreadRow, ConnectionRow } from './connections.store.ts';

/**
 * Variables of Hallway's own configuration: a connection naming one would send it (as a bot token)
 * to whatever API address the connection is given, so they are refused.
 */
const RESERVED_ENV = /^(DATABASE_URL|PATH|HOME|HALLWAY_(ADMIN_PASSWORD|ADMIN_EMAIL|DATABASE_URL|MAIL_RELAY_URL|DATA_DIR|PUBLIC_URL|SECURE_COOKIES))$/;

const notFound = () => new AppError('CONNECTION_NOT_FOUND');
const externalIdTaken = () => fieldError('body.externalId', 'is already used by another connection of this kind', 'CONNECTION_EXTERNAL_ID_TAKEN');

function requireManager(actor: Actor): void {
  if (!canManageConnections(actor)) throw new AppError('FORBIDDEN', "Only admins see and change a team's channel connections");
}

/** The credential's value from this process's environment, or undefined when it is not set. */
export function credentialOf(connection: Pick<store.ConnectionRow, 'credentialEnv'>): string | undefined {
  if (!connection.credentialEnv) return undefined;
  const value = process.env[connection.credentialEnv];
  return value ? value : undefined;
}

/** Settings values that are secrets of their own, shown as their origin and an ellipsis. */
const MASKED_SETTINGS: Partial<Record<ConnectionKind, readonly string[]>> = { teams: ['incomingWebhookUrl'] };

function maskUrl(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return `${new URL(value).origin}/…`;
  } catch {
    return '…';
  }
}

function maskedSettings(kind: ConnectionKind, settings: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...settings };
  for (const name of MASKED_SETTINGS[kind] ?? []) if (masked[name] !== undefined) masked[name] = maskUrl(masked[name]);
  return masked;
}

/** A masked value sent back unchanged (the admin saved the form as read) keeps the stored one. */
function keepMasked(kind: ConnectionKind, incoming: unknown, current: Record<string, unknown>): unknown {
  if (typeof incoming !== 'object' || incoming === null) return incoming;
  const settings = { ...(incoming as Record<string, unknown>) };
  for (const name of MASKED_SETTINGS[kind] ?? []) {
    if (current[name] !== undefined && settings[name] === maskUrl(current[name])) settings[name] = current[name];
  }
  return settings;
}

async function present(db: Queryable, row: store.ConnectionRow, teamSlug?: string): Promise<ConnectionView> {
  const slug = teamSlug ?? (await findTeamById(db, row.teamId))?.slug ?? '';
  const stillAccepted = row.previousSigningSecret && row.previousSecretUntil && row.previousSecretUntil > new Date();
  return {
    id: row.id,
    team: slug,
    kind: row.kind,
    name: row.name,
    externalId: row.externalId,
    credentialEnv: row.credentialEnv,
    credentialSet: credentialOf(row) !== undefined,
    settings: maskedSettings(row.kind, row.settings),
    enabled: row.enabled,
    previousSecretUntil: stillAccepted ? row.previousSecretUntil!.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkSecretAndEnv(kind: ConnectionKind, signingSecret: string | undefined, credentialEnv: string | null | undefined): void {
  if (signingSecret !== undefined && kind === 'teams' && !isTeamsSecurityToken(signingSecret)) {
    throw fieldError('body.signingSecret', 'must be the security token Teams showed (base64)');
  }
  if (credentialEnv && RESERVED_ENV.test(credentialEnv)) {
    throw fieldError('body.credentialEnv', "names one of Hallway's own settings; use a variable of its own");
  }
}

function settingsFor(kind: ConnectionKind, settings: unknown): Record<string, unknown> {
  const parsed = settingsSchemaOf[kind].safeParse(settings);
  if (!parsed.success) throw settingsProblems(parsed.error);
  return parsed.data as Record<string, unknown>;
}

function settingsProblems(error: ZodError): AppError {
  const problems: FieldProblem[] = error.issues.map((issue) => ({
    field: ['body', 'settings', ...issue.path.map(String)].join('.'),
    reason: issue.message,
  }));
  return new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
}

/** Another connection of the kind holding the external id, from a unique-index violation. */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: string }).code === '23505') return true;
  }
  return false;
}

export async function listConnections(db: Queryable, actor: Actor, slug: string): Promise<{ items: ConnectionView[] }> {
  requireManager(actor);
  const team = await requireTeam(db, slug);
  const rows = await store.selectConnectionsOfTeam(db, team.id);
  return { items: await Promise.all(rows.map((row) => present(db, row, team.slug))) };
}

export async function createConnection(db: Queryable, actor: Actor, slug: string, body: CreateConnectionBody): Promise<ConnectionView> {
  requireManager(actor);
  const team = await requireTeam(db, slug);
  checkSecretAndEnv(body.kind, body.signingSecret, body.credentialEnv);
  if (await store.selectConnectionByExternalId(db, body.kind, body.externalId)) throw externalIdTaken();
  try {
    const row = await db.transaction((tx) =>
      store.insertConnection(tx, {
        teamId: team.id,
        kind: body.kind,
        name: body.name,
        externalId: body.externalId,
        signingSecret: body.signingSecret,
        credentialEnv: body.credentialEnv,
        settings: body.settings as Record<string, unknown>,
        enabled: body.enabled,
      }),
    );
    return present(db, row, team.slug);
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken();
    throw error;
  }
}

export async function getConnection(db: Queryable, actor: Actor, id: string): Promise<ConnectionView> {
  requireManager(actor);
  const row = await store.selectConnectionById(db, id);
  if (!row) throw notFound();
  return present(db, row);
}

export async function updateConnection(db: Queryable, actor: Actor, id: string, body: UpdateConnectionBody): Promise<ConnectionView> {
  requireManager(actor);
  const current = await store.selectConnectionById(db, id);
  if (!current) throw notFound();
  checkSecretAndEnv(current.kind, body.signingSecret, body.credentialEnv);
  const change: Partial<store.NewConnection> = {};
  if (body.name !== undefined) change.name = body.name;
  if (body.externalId !== undefined) change.externalId = body.externalId;
  if (body.credentialEnv !== undefined) change.credentialEnv = body.credentialEnv;
  if (body.enabled !== undefined) change.enabled = body.enabled;
  if (body.settings !== undefined) change.settings = settingsFor(current.kind, keepMasked(current.kind, body.settings, current.settings));
  if (body.signingSecret !== undefined && body.signingSecret !== current.signingSecret) {
    // The old secret stays good for the grace period: the peer (Slack's app page, Teams, the
    // gateway) and Hallway are not changed at the same instant.
    change.signingSecret = body.signingSecret;
    change.previousSigningSecret = body.secretGraceHours > 0 ? current.signingSecret : null;
    change.previousSecretUntil = body.secretGraceHours > 0 ? new Date(Date.now() + body.secretGraceHours * 3_600_000) : null;
  }
  if (change.externalId !== undefined && change.externalId !== current.externalId) {
    const owner = await store.selectConnectionByExternalId(db, current.kind, change.externalId);
    if (owner && owner.id !== current.id) throw externalIdTaken();
  }
  try {
    const row = await db.transaction((tx) => store.updateConnection(tx, id, change));
    if (!row) throw notFound();
    return present(db, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken();
    throw error;
  }
}

export async function deleteConnection(db: Queryable, actor: Actor, id: string): Promise<void> {
  requireManager(actor);
  if (!(await db.transaction((tx) => store.deleteConnection(tx, id)))) throw notFound();
}

// ---- For channel code (no actor: the caller has proved who it is by a signature) ----

/** An enabled connection by the id an inbound call names it with (Slack's team_id, an SMS To number). */
export async function findConnection(db: Queryable, kind: ConnectionKind, externalId: string): Promise<store.ConnectionRow | undefined> {
  const row = await store.selectConnectionByExternalId(db, kind, externalId);
  return row?.enabled ? row : undefined;
}

/** A connection by id, enabled or not (deliveries already queued still need their settings). */
export function findConnectionById(db: Queryable, id: string): Promise<store.ConnectionRow | undefined> {
  return store.selectConnectionById(db, id);
}

/** Every enabled connection of a kind: for a call that does not say which one it is for. */
export function enabledConnectionsOf(db: Queryable, kind: ConnectionKind): Promise<store.ConnectionRow[]> {
  return store.selectEnabledConnectionsOfKind(db, kind);
}

/**
 * Checks a call against the connection's secret, then against the previous one while its grace
 * period lasts. `check` is one of the signatures/ verifiers bound to the call.
 */
export function verifyWithConnectionSecrets(
  connection: Pick<store.ConnectionRow, 'signingSecret' | 'previousSigningSecret' | 'previousSecretUntil'>,
  check: (secret: string) => SignatureCheck,
  now: Date = new Date(),
): SignatureCheck {
  const current = check(connection.signingSecret);
  if (current.ok || current.reason !== 'mismatch') return current;
  const previous = connection.previousSigningSecret;
  if (previous && connection.previousSecretUntil && connection.previousSecretUntil > now) return check(previous);
  return current;
}

/** The settings of a connection, as its kind's schema reads them (defaults filled in). */
export function settingsOf<Kind extends ConnectionKind>(connection: { kind: Kind; settings: unknown }) {
  return settingsSchemaOf[connection.kind].parse(connection.settings);
}

/** Records an inbound call's own id in the caller's transaction: false when it was recorded before. */
export const recordInboundReceipt = (tx: Queryable, connectionId: string, externalMessageId: string, requestId: string | null = null) =>
  store.insertInboundReceipt(tx, connectionId, externalMessageId, requestId);
export const receiptRequest = (tx: Queryable, connectionId: string, externalMessageId: string, requestId: string) =>
  store.setReceiptRequest(tx, connectionId, externalMessageId, requestId);
export const findInboundReceipt = (db: Queryable, connectionId: string, externalMessageId: string) =>
  store.selectInboundReceipt(db, connectionId, externalMessageId);

export const addChannelThread = store.insertThread;
export const findChannelThread = store.selectThreadById;
export const channelThreadsOfRequest = store.selectThreadsOfRequest;
export const channelThreadsAt = store.selectThreadsByExternal;
export const moveChannelThread = store.setThreadExternal;
