import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../../../app.ts';
import { ReplayGuard } from '../../signatures/replay-guard.ts';
import { handleSlashCommand } from './slack-commands.ts';
import { handleEvent, parseEvent } from './slack-events.ts';
import { checkSlackCall, signatureRefused } from './slack-inbound.ts';
import { handleInteraction, parseInteraction, workspaceOf } from './slack-interactions.ts';

/** Slack's bodies are small; a larger one is not Slack. */
const SLACK_BODY_LIMIT = 256 * 1024;
/** Above the calls Slack could send in one 5-minute window to one Hallway. */
const REPLAY_MEMORY = 50_000;

/**
 * The Slack app's three request URLs (decision 0025): slash commands, interactivity and the Events
 * API. Each is signed by Slack over the raw body, so this plugin keeps the body as bytes (its own
 * content-type parsers, encapsulated here) and checks the signature before parsing anything else
 * than the workspace id that says which connection's secret to check with.
 */
export function slackRoutes(deps: ModuleDeps) {
  const { database } = deps;
  const replayGuard = new ReplayGuard({ capacity: REPLAY_MEMORY });
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(['application/x-www-form-urlencoded', 'application/json'], { parseAs: 'buffer', bodyLimit: SLACK_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    const rawOf = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    const verified = async (request: FastifyRequest, raw: Buffer, workspaceId: string | null) => {
      const check = await checkSlackCall(database.db, request.headers, raw, workspaceId, replayGuard);
      if (check.ok) return check.connection;
      // The reason goes to the log only; never the body or the headers' values.
      request.log.warn({ route: request.routeOptions.url, reason: check.reason, evicted: replayGuard.evicted }, 'slack: call refused');
      throw signatureRefused();
    };
    const schema = (summary: string) => ({ tags: ['slack'], summary, description: 'Called by Slack, signed with the app\'s signing secret (X-Slack-Signature); 401 when the signature does not hold.' });
    const config = { public: true };

    app.post('/channels/slack/commands', { config, schema: schema('Slash command: `/helpdesk <text>` files a request') }, async (request) => {
      const raw = rawOf(request);
      const form = new URLSearchParams(raw.toString('utf8'));
      const connection = await verified(request, raw, form.get('team_id'));
      return handleSlashCommand(database, connection, form, request.log);
    });

    app.post('/channels/slack/interactions', { config, schema: schema('Interactivity: Follow and Reply buttons, the reply form') }, async (request, reply) => {
      const raw = rawOf(request);
      const form = new URLSearchParams(raw.toString('utf8'));
      let workspaceId: string | null = null;
      try {
        workspaceId = workspaceOf(parseInteraction(form));
      } catch {
        // Unreadable before the signature is checked: refused as unsigned junk is, below.
      }
      const connection = await verified(request, raw, workspaceId);
      const answer = await handleInteraction(database, connection, parseInteraction(form), request.log);
      return answer === null ? reply.code(200).send() : answer;
    });

    app.post('/channels/slack/events', { config, schema: schema('Events API: url_verification, and messages in followed threads') }, async (request) => {
      const raw = rawOf(request);
      let workspaceId: string | null = null;
      try {
        const peek = JSON.parse(raw.toString('utf8')) as { team_id?: unknown };
        if (typeof peek.team_id === 'string') workspaceId = peek.team_id;
      } catch {
        // Checked below; the signature is refused first either way.
      }
      const connection = await verified(request, raw, workspaceId);
      const call = parseEvent(raw);
      if (call.kind === 'url_verification') return { challenge: call.challenge };
      if (call.kind === 'event_callback') await handleEvent(database, connection, call, request.log);
      return { ok: true };
    });
  };
}
