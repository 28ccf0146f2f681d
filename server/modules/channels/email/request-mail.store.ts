import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.ts';
import { inboundMessages } from './mail.tables.ts';

// Reads of the mail filed on a request, for GET /requests/{key}/mail (inbound.store.ts writes the rows).

/** The messages filed on the request, oldest first, without their bytes (a message may be megabytes). */
export async function selectMailFiledOnRequest(db: Queryable, requestId: string) {
  return db
    .select({ id: inboundMessages.id, receivedAt: inboundMessages.receivedAt, eventId: inboundMessages.eventId })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.requestId, requestId), eq(inboundMessages.status, 'processed')))
    .orderBy(asc(inboundMessages.receivedAt), asc(inboundMessages.id));
}

export async function selectRawMessage(db: Queryable, id: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ raw: inboundMessages.raw }).from(inboundMessages).where(eq(inboundMessages.id, id));
  return row?.raw;
}
