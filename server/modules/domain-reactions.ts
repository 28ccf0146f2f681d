import { attachmentsReaction } from './attachments/attachments.reaction.ts';
import { catalogReaction } from './catalog/catalog.reaction.ts';
import { slackReaction } from './channels/apps/slack/slack.reaction.ts';
import { smsReaction } from './channels/apps/sms/sms.reaction.ts';
import { teamsReaction } from './channels/apps/teams/teams.reaction.ts';
import { chatReaction } from './channels/chat/chat.reaction.ts';
import { webhooksReaction } from './integrations/webhooks.reaction.ts';
import type { FilingInterest, RequestReaction } from './requests/request-reactions.ts';
import { webhooksFilingInterest } from './integrations/webhook-interest.ts';
import { notificationsFilingInterest, notificationsReaction } from './notifications/notifications.reaction.ts';
import { slaReaction } from './sla/sla.reactions.ts';
import { workflowReaction } from './workflows/workflow-reaction.ts';

/**
 * Every module's reaction to a request being filed or changed, in the order they run (see
 * requests/request-reactions.ts). Order matters: the catalog sets up approvals before SLA clocks
 * look at the status, and workflows run last so that a child's reactions see a settled parent.
 */
export const domainReactions: readonly RequestReaction[] = [
  // First: copies the procedure and opens the approval a pending request waits for.
  catalogReaction,
  // A filing's file answers claim the uploads they name.
  attachmentsReaction,
  // Then: SLA clocks start (paused while pending approval), pause, resume, stop and retarget.
  slaReaction,
  // Last: it files children and resolves parents, whose own reactions then run in full.
  workflowReaction,
  // After the request has settled: what leaves Hallway about it, queued in this transaction and sent
  // by the delivery workers once it commits (decision 0022). Mail to the people concerned ...
  notificationsReaction,
  // ... a chat's replies (by mail once the employee has left), replies back into Slack, Teams and SMS ...
  chatReaction,
  slackReaction,
  teamsReaction,
  smsReaction,
  // ... and the events outgoing webhooks subscribe to.
  webhooksReaction,
];

/**
 * Which reactions may act on a plain filing (no service, so no procedure, approval, clock, workflow or
 * file answers): a reaction that does must say so here, or plain filings whose interests all answer
 * false skip it (they are one statement, no transaction). Filings through a service run every reaction.
 * Reactions to comments and changes are not concerned: a filing has no comment events yet.
 */
export const plainFilingInterests: readonly FilingInterest[] = [
  // The requester's acknowledgement: only from a team that sends mail.
  notificationsFilingInterest,
  // The `created` event: only when an outgoing webhook listens to the team.
  webhooksFilingInterest,
];
