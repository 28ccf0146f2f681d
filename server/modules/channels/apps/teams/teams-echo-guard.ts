import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which Teams connection the change being made came in through. A comment someone writes in a
 * Teams conversation is already in that channel: the reaction must not post it back there, whoever
 * wrote it (the requester, or an agent answering in the thread). The comment's event carries no
 * channel, so the inbound handler marks the work it runs, and the reaction, which runs inside the
 * same transaction and async context, reads the mark.
 */
const arrivedThrough = new AsyncLocalStorage<string>();

export function whileHandlingTeamsMessage<Result>(connectionId: string, work: () => Promise<Result>): Promise<Result> {
  return arrivedThrough.run(connectionId, work);
}

export function isHandlingTeamsMessageFrom(connectionId: string): boolean {
  return arrivedThrough.getStore() === connectionId;
}
