// A small iCalendar (RFC 5545) writer for the holiday feed: only what a closure needs, no I/O, so
// escaping and folding are tested as plain functions. A library (ical-generator) would bring
// recurrence, alarms and zones we do not use; this stays under a hundred lines we can read.

const CRLF = '\r\n';
/** RFC 5545 3.1: lines longer than 75 octets (excluding CRLF) SHOULD be folded. */
const MAX_LINE_OCTETS = 75;

export type IcsWhen = { date: string } | { instant: Date };

export interface IcsEvent {
  /** Globally unique and stable across refreshes, so calendar apps update rather than duplicate. */
  uid: string;
  stamp: Date;
  summary: string;
  start: IcsWhen;
  /** Exclusive: the day after the last whole day, or the instant it ends. */
  end: IcsWhen;
}

export interface IcsCalendar {
  prodId: string;
  name: string;
  events: IcsEvent[];
}

/** TEXT values (3.3.11): backslash, semicolon, comma and newline escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
}

/** Folds one content line at 75 octets, never inside a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** 2024-12-24T13:00:00.000Z -> 20241224T130000Z */
export function formatInstant(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** 2024-12-31 -> 20250101: DTEND of an all-day event is the day after its last day. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function property(name: string, when: IcsWhen): string {
  return 'date' in when ? `${name};VALUE=DATE:${when.date.replace(/-/g, '')}` : `${name}:${formatInstant(when.instant)}`;
}

export function serializeCalendar(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(calendar.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${formatInstant(event.stamp)}`,
      property('DTSTART', event.start),
      property('DTEND', event.end),
      `SUMMARY:${escapeText(event.summary)}`,
      // A holiday does not make anyone busy in free/busy lookups.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
