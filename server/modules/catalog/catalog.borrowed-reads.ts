import type { Queryable } from '../../platform/db/database.ts';
import { selectRequestById, selectRequestByKey, type RequestRow } from '../requests/requests.store.ts';

// Reads the requests service does not offer yet, borrowed from its store (CONVENTIONS.md says a
// module reads another through its service). An approver often may not see the request they decide
// (a manager is not an agent of HR), so `findVisibleRequest` cannot serve approvals. Belongs in
// requests.service.ts as `findRequestByKey` / `findRequestById` "for Hallway's own rules, no policy";
// move it there and import it from the service.

export type { RequestRow };

export const requestByKey = (db: Queryable, key: string, options: { lock?: boolean } = {}) => selectRequestByKey(db, key, options);
export const requestById = (db: Queryable, id: string, options: { lock?: boolean } = {}) => selectRequestById(db, id, options);
