import type { RequestReaction } from '../requests/request-reactions.ts';

/** Placeholder registered in domain-reactions.ts ahead of its module (outgoing webhooks); replaced by its reaction. */
export const webhooksReaction: RequestReaction = async () => {};
