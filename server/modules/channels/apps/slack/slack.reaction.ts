import type { RequestReaction } from '../../../requests/request-reactions.ts';

/** Placeholder registered in domain-reactions.ts ahead of its module (Slack); replaced by its reaction. */
export const slackReaction: RequestReaction = async () => {};
