import type { RequestReaction } from './requests/request-reactions.ts';

/**
 * Every module's reaction to a request being filed or changed, in the order they run (see
 * requests/request-reactions.ts). Order matters: the catalog sets up approvals before SLA clocks
 * look at the status, and workflows run last so that a child's reactions see a settled parent.
 */
export const domainReactions: readonly RequestReaction[] = [];
