import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canView, type RequestActor } from './requests.policy.ts';
import { REQUEST_KEY_PATTERN } from './requests.schema.ts';
import * as store from './requests.store.ts';

export interface WriteOptions {
  /** When the change happened, for imports and demo history; the database's clock otherwise. */
  at?: Date;
}

/** A request the actor may see, or 404: someone who may not see it must not learn that it exists. */
export async function findVisibleRequest(
  db: Queryable,
  actor: RequestActor,
  key: string,
  options: { lock?: boolean } = {},
): Promise<store.RequestRow> {
  const row = REQUEST_KEY_PATTERN.test(key) ? await store.selectRequestByKey(db, key, options) : undefined;
  if (!row || !canView(actor, row)) throw new AppError('REQUEST_NOT_FOUND', `No request ${key} that you can see`);
  return row;
}
