import type { RequestReaction } from '../requests/request-reactions.ts';

/** Placeholder registered in domain-reactions.ts ahead of its module (notifications); replaced by its reaction. */
export const notificationsReaction: RequestReaction = async () => {};
