import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../platform/db/database.ts';

/** An outbox row as a notifications test reads it. */
export interface QueuedRow {
  kind: string;
  to_address: string;
  from_address: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id: string;
  in_reply_to: string | null;
  references: string[] | string;
  headers: Record<string, string> | string;
  dedupe_key: string | null;
  recipient_id: string | null;
  status: string;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The mails queued about a request, oldest first; jsonb columns parsed on both drivers. */
export async function outboxOfRequest(database: Database, key: string): Promise<Array<QueuedRow & { references: string[]; headers: Record<string, string> }>> {
  const rows = rowsOf<QueuedRow>(
    await database.db.execute(sql`select o.kind, o.to_address, o.from_address, o.reply_to, o.subject, o.text_body, o.html_body,
        o.message_id, o.in_reply_to, o."references", o.headers, o.dedupe_key, o.recipient_id, o.status
      from outbound_messages o join requests r on r.id = o.request_id
      where r.key = ${key} order by o.created_at, o.id`),
  );
  return rows.map((row) => ({ ...row, references: parsed<string[]>(row.references), headers: parsed<Record<string, string>>(row.headers) }));
}
