import type { FastifyBaseLogger } from 'fastify';
import type { Database, Queryable } from '../../../../platform/db/database.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { linkTo } from '../../../../platform/http/public-url.ts';
import { fileRequestThroughService, findService } from '../../../catalog/catalog.service.ts';
import { findTeamById } from '../../../people/people.service.ts';
import type { RequestActor } from '../../../requests/requests.policy.ts';
import { createRequest, findRequestForHallway } from '../../../requests/requests.service.ts';
import { findInboundReceipt, receiptRequest, recordInboundReceipt, type ConnectionRow } from '../connections.service.ts';
import { SlackApiError, slackSettingsOf } from './slack-api.ts';
import { SLACK_ID, unescapeSlackText } from './slack-inbound.ts';
import { ephemeral, filedMessage } from './slack-messages.ts';
import { slackPersonOf } from './slack-people.ts';
import { followInSlack } from './slack-threads.ts';

// `/helpdesk <what you need>`: the person behind the Slack user files a request with the
// connection's team, sees its key at once (Slack waits 3 s for this answer), and follows it in their
// direct messages with the app from the start.

const SUBJECT_LIMIT = 200;
const TEXT_LIMIT = 20_000;
/** Refusals of the request itself (a service's form needs answers, an audience) are told, not thrown. */
const TOLD = new Set(['VALIDATION_FAILED', 'FORBIDDEN', 'SERVICE_NOT_FOUND', 'TEAM_NOT_FOUND']);

export async function handleSlashCommand(database: Database, connection: ConnectionRow, form: URLSearchParams, log: FastifyBaseLogger) {
  const userId = form.get('user_id') ?? '';
  const triggerId = form.get('trigger_id') ?? '';
  if (!SLACK_ID.test(userId)) throw fieldError('body.user_id', 'must be a Slack user id');
  if (!/^[\x21-\x7e]{1,200}$/.test(triggerId)) throw fieldError('body.trigger_id', 'must be the trigger id Slack sends');
  const text = unescapeSlackText(form.get('text') ?? '').trim();
  const command = (form.get('command') ?? '/helpdesk').slice(0, 40);
  if (!text) return ephemeral(`Tell us what you need after the command, for example: ${command} my laptop does not start`);

  let who;
  try {
    who = await slackPersonOf(database.db, connection, userId);
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    log.warn({ connection: connection.id, cause: error.message }, 'slack: cannot look up the user');
    return ephemeral(`Sorry, Hallway cannot tell who you are right now, so nothing was filed. Please try again, or ask in the portal: ${linkTo('/')}`);
  }
  if (!who) {
    return ephemeral(
      `Sorry, we could not find you in Hallway's directory by the e-mail address of your Slack profile, so nothing was filed. Please ask in the portal (${linkTo('/')}) or contact the service desk.`,
    );
  }

  const receiptId = `command:${triggerId}`;
  try {
    const filed = await database.db.transaction(async (tx) => {
      // A retry or a replay finds the request the first call filed.
      if (!(await recordInboundReceipt(tx, connection.id, receiptId))) return null;
      const request = await fileFor(tx, connection, who.actor, text, log);
      await receiptRequest(tx, connection.id, receiptId, request.id);
      // The person who asked hears the team in Slack without a click: their thread's first post is
      // queued with the filing, so it goes out if and only if the request exists.
      await followInSlack(tx, connection, request, who.person.id, userId);
      return request;
    });
    if (filed) return filedMessage(filed.key, filed.subject);
    const earlier = await findInboundReceipt(database.db, connection.id, receiptId);
    const request = earlier?.requestId ? await findRequestForHallway(database.db, { id: earlier.requestId }) : undefined;
    return request ? filedMessage(request.key, request.subject) : ephemeral('This command was already received.');
  } catch (error) {
    if (!(error instanceof AppError) || !TOLD.has(error.code)) throw error;
    return ephemeral(`Sorry, your request could not be filed (${error.message.slice(0, 300)}). Please use the portal: ${linkTo('/')}`);
  }
}

async function fileFor(tx: Queryable, connection: ConnectionRow, actor: RequestActor, text: string, log: FastifyBaseLogger) {
  const subject = text.split('\n', 1)[0]!.slice(0, SUBJECT_LIMIT);
  const description = text.slice(0, TEXT_LIMIT);
  const serviceSlug = slackSettingsOf(connection).defaultServiceSlug;
  const service = serviceSlug ? await findService(tx, serviceSlug) : undefined;
  let key: string;
  if (service && service.teamId === connection.teamId) {
    key = (await fileRequestThroughService(tx, actor, service.id, { subject, description, channel: 'slack' })).body.key;
  } else {
    if (serviceSlug) log.warn({ connection: connection.id }, "slack: the default service is not one of the connection's team; filed to the team");
    const team = await findTeamById(tx, connection.teamId);
    if (!team) throw new AppError('TEAM_NOT_FOUND');
    key = (await createRequest(tx, actor, { team: team.slug, subject, description, channel: 'slack' })).body.key;
  }
  const request = await findRequestForHallway(tx, { key });
  if (!request) throw new AppError('INTERNAL', 'the request just filed cannot be read back');
  return request;
}
