import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../api/types.ts';
import { eventBody, eventTitle } from './timeline-words.ts';

const entry = (kind: string, data: Record<string, unknown>): TimelineEntry => ({
  id: 1,
  actor: { id: 'a', name: 'Ryan Brooks' },
  kind,
  visibility: 'public',
  data,
  occurredAt: '2026-11-26T10:00:00.000Z',
});

describe('the requester’s timeline in words', () => {
  it('says whether an approval went through, with the approver’s comment', () => {
    expect(eventTitle(entry('approval_decided', { decision: 'approved', comment: '' }))).toBe('Approved');
    expect(eventBody(entry('approval_decided', { decision: 'approved', comment: '' }))).toBeNull();
    const rejected = entry('approval_decided', { decision: 'rejected', comment: 'We are short that week.' });
    expect(eventTitle(rejected)).toBe('Not approved');
    expect(eventBody(rejected)).toBe('We are short that week.');
  });

  it('shows a reply’s words, and names a status by its label', () => {
    expect(eventBody(entry('commented', { body: 'Thanks!' }))).toBe('Thanks!');
    expect(eventTitle(entry('status_changed', { to: 'waiting_on_requester' }))).toBe('Status changed to “Waiting for you”');
    expect(eventTitle(entry('something_new', {}))).toBe('Updated');
  });
});
