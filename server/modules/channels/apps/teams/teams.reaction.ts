import type { RequestReaction } from '../../../requests/request-reactions.ts';

/** Placeholder registered in domain-reactions.ts ahead of its module (Teams); replaced by its reaction. */
export const teamsReaction: RequestReaction = async () => {};
