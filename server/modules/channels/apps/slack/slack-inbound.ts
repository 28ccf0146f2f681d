import type { IncomingHttpHeaders } from 'node:http';
import type { Queryable } from '../../../../platform/db/database.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import type { ReplayGuard } from '../../signatures/replay-guard.ts';
import type { SignatureFailure } from '../../signatures/signature-check.ts';
import { SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER, verifySlackRequest } from '../../signatures/slack-request.ts';
import { enabledConnectionsOf, findConnection, verifyWithConnectionSecrets, type ConnectionRow } from '../connections.service.ts';

// Which connection a Slack call is for, and whether Slack (holding that connection's signing
// secret) really sent it, before anything is read from the database for the call's sake or written.

export type SlackCallCheck = { ok: true; connection: ConnectionRow } | { ok: false; reason: SignatureFailure | 'unknown workspace' };

/**
 * Checks the signature over the raw bytes. The workspace id names the connection; a call without
 * one (Slack's url_verification) is tried against every enabled Slack connection, which are few.
 */
export async function checkSlackCall(
  db: Queryable,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  workspaceId: string | null,
  replayGuard: ReplayGuard,
): Promise<SlackCallCheck> {
  const candidates = workspaceId ? [await findConnection(db, 'slack', workspaceId)].filter((c) => c !== undefined) : await enabledConnectionsOf(db, 'slack');
  if (candidates.length === 0) return { ok: false, reason: 'unknown workspace' };
  let reason: SignatureFailure = 'mismatch';
  for (const connection of candidates) {
    const check = verifyWithConnectionSecrets(connection, (signingSecret) =>
      verifySlackRequest(
        { signature: headers[SLACK_SIGNATURE_HEADER], timestamp: headers[SLACK_TIMESTAMP_HEADER], rawBody },
        { signingSecret, replayGuard },
      ),
    );
    if (check.ok) return { ok: true, connection };
    reason = check.reason;
    // Missing, malformed, expired or replayed is the same for every candidate.
    if (reason !== 'mismatch') break;
  }
  return { ok: false, reason };
}

/** One answer whatever was wrong, so a caller learns nothing about which part failed (decision 0021). */
export const signatureRefused = () => new AppError('UNAUTHENTICATED', 'The request signature could not be verified');

/** Slack escapes &, < and > in the text people type; the request keeps what they typed. */
export function unescapeSlackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Slack's ids: users U…/W…, workspaces T…, channels C…/D…/G…. */
export const SLACK_ID = /^[A-Z0-9]{2,40}$/;
