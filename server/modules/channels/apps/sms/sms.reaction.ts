import type { RequestReaction } from '../../../requests/request-reactions.ts';

/** Placeholder registered in domain-reactions.ts ahead of its module (SMS); replaced by its reaction. */
export const smsReaction: RequestReaction = async () => {};
