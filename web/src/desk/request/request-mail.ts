import type { TimelineEntry } from '../../api/types.ts';

// The mail behind a request's timeline (GET /requests/{key}/mail and /mail/sources): the timeline
// shows a mail trimmed of quoted history and signature; these let the desk show it whole.

/** Which timeline entry a filed message became; `eventId` null is the message that opened the request. */
export interface MailSource {
  id: string;
  receivedAt: string;
  eventId: number | null;
}

export interface MailMessage extends MailSource {
  from: { name: string | null; address: string } | null;
  subject: string;
  /** Plain text, never HTML: shown as text in a preformatted block. */
  text: string;
  textTruncated: boolean;
  attachments: { fileName: string; contentType: string; sizeBytes: number }[];
  unreadable: string | null;
}

/**
 * The message behind each timeline entry that came from mail: entry id -> message id. A message
 * that opened the request has no event of its own; it belongs to the request's `created` entry.
 * A message whose entry is not in this timeline (not shown to this reader) gets no entry.
 */
export function mailByTimelineEntry(entries: Pick<TimelineEntry, 'id' | 'kind'>[], sources: MailSource[]): Map<number, string> {
  const shown = new Set(entries.map((entry) => entry.id));
  const created = entries.find((entry) => entry.kind === 'created');
  const matched = new Map<number, string>();
  for (const source of sources) {
    const entryId = source.eventId ?? created?.id;
    if (entryId !== undefined && shown.has(entryId) && !matched.has(entryId)) matched.set(entryId, source.id);
  }
  return matched;
}

/** "Name <address>", or the address alone. */
export function senderWords(from: MailMessage['from']): string | null {
  if (!from) return null;
  return from.name ? `${from.name} <${from.address}>` : from.address;
}
