import { attachmentsReaction } from './attachments/attachments.reaction.ts';
import { catalogReaction } from './catalog/catalog.reaction.ts';
import type { RequestReaction } from './requests/request-reactions.ts';
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
];
