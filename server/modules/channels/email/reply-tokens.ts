import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../platform/db/database.ts';
import { insertReplyToken } from './inbound.store.ts';

/**
 * The request's reply token, made on first use: 128 random bits in lower-case hex (addresses are
 * compared lower-cased), so a token cannot be guessed to post on someone else's request.
 */
export async function replyTokenFor(db: Queryable, requestId: string): Promise<string> {
  return insertReplyToken(db, requestId, randomBytes(16).toString('hex'));
}

/** `it@corp.example` and a token give `it+r-<token>@corp.example`, the address replies come back to. */
export function replyAddress(teamAddress: string, token: string): string {
  const at = teamAddress.lastIndexOf('@');
  return `${teamAddress.slice(0, at)}+r-${token}${teamAddress.slice(at)}`;
}
