import type { AnswerRefusal } from '../../../domain-delivery-credentials.ts';
import { slackSettings, type SlackSettings } from '../connections.schema.ts';
import { credentialOf, type ConnectionRow } from '../connections.service.ts';

// The few Slack Web API calls an inbound request needs while Slack waits for the answer (users.info
// to learn who typed, views.open for the reply form). Replies after the fact go through the HTTP
// delivery outbox instead (slack.reaction.ts), never from here.

/** Slack wants an answer within 3 s; a call of ours must leave time to file and answer. */
const CALL_TIMEOUT_MS = 1_500;

export class SlackApiError extends Error {
  constructor(
    message: string,
    /** Slack's own error code (user_not_found, missing_scope ...), when it gave one. */
    readonly slackError?: string,
  ) {
    super(message);
  }
}

export function slackSettingsOf(connection: ConnectionRow): SlackSettings {
  return slackSettings.parse(connection.settings);
}

/** The bot token from the connection's environment variable; a clear error when it is not set. */
export function botTokenOf(connection: ConnectionRow): string {
  const token = credentialOf(connection);
  if (!token) {
    const variable = connection.credentialEnv ?? '(none named)';
    throw new SlackApiError(`Slack connection "${connection.name}": the bot token variable ${variable} is not set`);
  }
  return token;
}

async function callSlack(connection: ConnectionRow, method: string, init: { query?: Record<string, string>; json?: unknown }) {
  const base = slackSettingsOf(connection).apiBaseUrl;
  const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
  const headers: Record<string, string> = { authorization: `Bearer ${botTokenOf(connection)}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  let response: Response;
  try {
    response = await fetch(`${base}/${method}${query}`, {
      method: init.json === undefined ? 'GET' : 'POST',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SlackApiError(`Slack ${method}: ${(error as Error).name}`);
  }
  const answer = (await response.json().catch(() => null)) as { ok?: boolean; error?: string } | null;
  // Slack answers 200 with ok:false for most failures (missing_scope, user_not_found ...).
  if (!response.ok || !answer?.ok) throw new SlackApiError(`Slack ${method}: ${answer?.error ?? `HTTP ${response.status}`}`, answer?.error);
  return answer as Record<string, unknown>;
}

/** The e-mail address of a Slack user (needs the users:read.email scope), or null when it has none. */
export async function slackUserEmail(connection: ConnectionRow, slackUserId: string): Promise<string | null> {
  let answer: Record<string, unknown>;
  try {
    answer = await callSlack(connection, 'users.info', { query: { user: slackUserId } });
  } catch (error) {
    if (error instanceof SlackApiError && error.slackError === 'user_not_found') return null;
    throw error;
  }
  const user = answer.user as { profile?: { email?: unknown }; deleted?: boolean; is_bot?: boolean } | undefined;
  if (!user || user.deleted || user.is_bot) return null;
  return typeof user.profile?.email === 'string' ? user.profile.email.toLowerCase() : null;
}

/** Opens a modal on the user's screen; `triggerId` is valid for 3 s after their click. */
export async function openSlackView(connection: ConnectionRow, triggerId: string, view: unknown): Promise<void> {
  await callSlack(connection, 'views.open', { json: { trigger_id: triggerId, view } });
}

/** Slack's errors that mean "later": its rate limit and its own passing faults; any other is final. */
const TEMPORARY_ERRORS: ReadonlySet<string> = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/**
 * What a 2xx answer of Slack's Web API says about a queued post. Slack answers HTTP 200 with
 * `ok: false` for its own failures (`channel_not_found`, `not_in_channel`, `invalid_auth`,
 * `ratelimited` ...), so a post it refused would otherwise be recorded delivered and silently lost.
 * An answer that is not Slack's JSON is refused too: the API address does not lead to Slack.
 */
export function slackRefusal(answerBody: string): AnswerRefusal | null {
  let answer: { ok?: unknown; error?: unknown } | null;
  try {
    answer = JSON.parse(answerBody) as { ok?: unknown; error?: unknown } | null;
  } catch {
    answer = null;
  }
  if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean') {
    return { error: "Slack's answer is not Slack's JSON: check the connection's API address", retryable: false };
  }
  if (answer.ok) return null;
  // The code is the peer's text: kept to Slack's own shape before it goes into the log.
  const code = typeof answer.error === 'string' && /^[a-z0-9_.]{1,80}$/.test(answer.error) ? answer.error : 'unknown_error';
  return { error: `Slack answered ok:false, ${code}`, retryable: TEMPORARY_ERRORS.has(code) };
}
