import { describe, expect, it } from 'vitest';
import { canEnd, canReportPresence, mayBeOffered, requesterIsAway } from './chat.policy.ts';
import { subjectOf } from './chat.views.ts';

const now = new Date('2026-11-26T12:00:00Z');
const seen = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);

describe('when the employee counts as gone', () => {
  it('after closing the panel, after the chat ended, or after a minute without a heartbeat', () => {
    expect(requesterIsAway({ status: 'active', requesterLeftAt: null, requesterSeenAt: seen(59) }, now)).toBe(false);
    expect(requesterIsAway({ status: 'active', requesterLeftAt: null, requesterSeenAt: seen(61) }, now)).toBe(true);
    expect(requesterIsAway({ status: 'active', requesterLeftAt: seen(1), requesterSeenAt: seen(0) }, now)).toBe(true);
    expect(requesterIsAway({ status: 'ended', requesterLeftAt: null, requesterSeenAt: seen(0) }, now)).toBe(true);
  });
});

describe('who may do what with a chat', () => {
  const chat = { requesterId: 'emma', teamId: 'it' };
  const agent = { personId: 'alan', memberships: [{ teamId: 'it', role: 'agent' as const }] };
  const outsider = { personId: 'oscar', memberships: [{ teamId: 'hr', role: 'lead' as const }] };
  const emma = { personId: 'emma', memberships: [] };

  it('only the employee reports presence; the employee or an agent of the team ends it', () => {
    expect(canReportPresence(emma, chat)).toBe(true);
    expect(canReportPresence(agent, chat)).toBe(false);
    expect(canEnd(emma, chat)).toBe(true);
    expect(canEnd(agent, chat)).toBe(true);
    expect(canEnd(outsider, chat)).toBe(false);
  });

  it('offers waiting chats only to agents of the team who are on shift', () => {
    expect(mayBeOffered(agent, 'it', true)).toEqual({ allowed: true });
    expect(mayBeOffered(agent, 'it', false)).toMatchObject({ allowed: false, reason: expect.stringContaining('shift') });
    expect(mayBeOffered(outsider, 'it', true)).toMatchObject({ allowed: false });
  });
});

describe("a chat's subject", () => {
  it('is the first line, shortened on a word boundary', () => {
    expect(subjectOf('  VPN drops\nsince Monday')).toBe('VPN drops');
    const long = subjectOf(`${'word '.repeat(30)}end`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('word…')).toBe(true);
  });
});
