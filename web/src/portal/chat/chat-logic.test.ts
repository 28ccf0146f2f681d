import { describe, expect, it } from 'vitest';
import { announcement, authorLabel, canSend, defaultTeam, newMessagesFromOthers, shouldBeat, statusLine } from './chat-logic.ts';
import type { ChatMessage } from './chat-types.ts';

const agent = { id: 'a1', name: 'Alan Agent' };
const message = (id: number, byRequester: boolean, body = `m${id}`): ChatMessage => ({
  id,
  author: byRequester ? { id: 'e1', name: 'Emma' } : agent,
  byRequester,
  body,
  at: '2026-11-26T10:00:00.000Z',
});

describe('the chat panel', () => {
  it('names the employee "You" and others by name', () => {
    expect(authorLabel(message(1, true))).toBe('You');
    expect(authorLabel(message(2, false))).toBe('Alan Agent');
    expect(authorLabel({ ...message(3, false), author: null })).toBe('Hallway');
  });

  it('says whether the chat waits, who answers, or that it ended', () => {
    expect(statusLine({ status: 'waiting', pickedUpBy: null })).toMatch(/^Waiting/);
    expect(statusLine({ status: 'active', pickedUpBy: agent })).toBe('Alan Agent is answering your chat.');
    expect(statusLine({ status: 'ended', pickedUpBy: agent })).toMatch(/ended/);
  });

  it("announces only the other side's new messages, and nothing on the first read", () => {
    const before = [message(1, true), message(2, false)];
    const after = [...before, message(3, true), message(4, false, 'Try restarting')];
    expect(newMessagesFromOthers(undefined, after)).toEqual([]);
    expect(newMessagesFromOthers(before, after).map((m) => m.id)).toEqual([4]);
    expect(announcement(newMessagesFromOthers(before, after))).toBe('New message from Alan Agent: Try restarting');
    expect(newMessagesFromOthers(after, after)).toEqual([]);
  });

  it('preselects a team with someone on shift', () => {
    expect(defaultTeam([{ slug: 'hr', name: 'HR', available: false }, { slug: 'it', name: 'IT', available: true }])).toBe('it');
    expect(defaultTeam([{ slug: 'hr', name: 'HR', available: false }])).toBe('hr');
    expect(defaultTeam([])).toBeNull();
  });

  it('sends only words within the limit, and beats only while the chat is open', () => {
    expect(canSend('  ')).toBe(false);
    expect(canSend('hello')).toBe(true);
    expect(canSend('x'.repeat(4001))).toBe(false);
    expect(shouldBeat({ status: 'active' })).toBe(true);
    expect(shouldBeat({ status: 'ended' })).toBe(false);
    expect(shouldBeat(undefined)).toBe(false);
  });
});
