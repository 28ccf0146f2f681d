import { describe, expect, it } from 'vitest';
import { mailByTimelineEntry, senderWords, type MailSource } from './request-mail.ts';

const entries = [
  { id: 10, kind: 'created' },
  { id: 11, kind: 'assigned' },
  { id: 12, kind: 'commented' },
  { id: 13, kind: 'commented' },
];
const source = (id: string, eventId: number | null): MailSource => ({ id, eventId, receivedAt: '2026-03-04T09:15:00.000Z' });

describe('the mail behind timeline entries', () => {
  it('puts the opening message on the created entry and each reply on the comment it became', () => {
    const matched = mailByTimelineEntry(entries, [source('m1', null), source('m2', 13)]);
    expect([...matched]).toEqual([
      [10, 'm1'],
      [13, 'm2'],
    ]);
  });

  it('offers nothing on entries typed in Hallway', () => {
    const matched = mailByTimelineEntry(entries, [source('m2', 13)]);
    expect(matched.has(10)).toBe(false);
    expect(matched.has(12)).toBe(false);
  });

  it('skips a message whose entry is not in the timeline shown, and an opening message with no created entry', () => {
    expect(mailByTimelineEntry(entries, [source('m3', 99)]).size).toBe(0);
    expect(mailByTimelineEntry([{ id: 12, kind: 'commented' }], [source('m1', null)]).size).toBe(0);
  });

  it('names the sender with the address, or the address alone', () => {
    expect(senderWords({ name: 'Emma Employee', address: 'emma@corp.test' })).toBe('Emma Employee <emma@corp.test>');
    expect(senderWords({ name: null, address: 'emma@corp.test' })).toBe('emma@corp.test');
    expect(senderWords(null)).toBeNull();
  });
});
