import { describe, expect, it } from 'vitest';
import { dayAfter, escapeText, foldLine, formatInstant, serializeCalendar } from './ics.ts';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('iCalendar text escaping', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('Boxing Day, UK; closed')).toBe('Boxing Day\\, UK\\; closed');
    expect(escapeText('C:\\share')).toBe('C:\\\\share');
    expect(escapeText('line one\nline two\r\nthree\rfour')).toBe('line one\\nline two\\nthree\\nfour');
  });

  it('escapes a backslash before what it escapes, so "\\," cannot become a separator', () => {
    expect(escapeText('\\,')).toBe('\\\\\\,');
  });

  it('drops control characters that would break a line or forge a property', () => {
    expect(escapeText('Holiday\u0000\u001b\u007f')).toBe('Holiday');
    expect(escapeText('x\r\nEND:VCALENDAR')).toBe('x\\nEND:VCALENDAR');
  });
});

describe('iCalendar line folding', () => {
  it('leaves a line of 75 octets alone and folds at 76', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('keeps every physical line within 75 octets, continuation space included', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(300)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(`SUMMARY:${'x'.repeat(300)}`);
  });

  it('counts octets, not characters, and never splits a UTF-8 character', () => {
    const line = `SUMMARY:${'Fête nationale 🎆 '.repeat(10)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('iCalendar values', () => {
  it('writes instants in UTC with Z', () => {
    expect(formatInstant(new Date('2024-12-24T13:00:00.123+01:00'))).toBe('20241224T120000Z');
  });

  it('ends an all-day event the day after its last day, across months and leap days', () => {
    expect(dayAfter('2024-12-26')).toBe('2024-12-27');
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
  });
});

describe('serializeCalendar', () => {
  const text = serializeCalendar({
    prodId: '-//Hallway//Holidays//EN',
    name: 'IT London, UK',
    events: [
      { uid: 'a@hallway', stamp: new Date('2024-01-01T00:00:00Z'), summary: 'Christmas', start: { date: '2024-12-25' }, end: { date: '2024-12-27' } },
      {
        uid: 'b@hallway',
        stamp: new Date('2024-01-01T00:00:00Z'),
        summary: 'Half day',
        start: { instant: new Date('2024-12-24T13:00:00Z') },
        end: { instant: new Date('2024-12-24T17:30:00Z') },
      },
    ],
  });

  it('is a VCALENDAR with CRLF line endings and nothing but CRLF', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hallway//Holidays//EN\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('X-WR-CALNAME:IT London\\, UK\r\n');
  });

  it('writes all-day closures as dates and timed ones as UTC instants', () => {
    expect(text).toContain('UID:a@hallway\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20241225\r\nDTEND;VALUE=DATE:20241227\r\n');
    expect(text).toContain('DTSTART:20241224T130000Z\r\nDTEND:20241224T173000Z\r\n');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});
