import type { RequestReaction } from '../../requests/request-reactions.ts';

/** Placeholder registered in domain-reactions.ts ahead of its module (live chat); replaced by its reaction. */
export const chatReaction: RequestReaction = async () => {};
