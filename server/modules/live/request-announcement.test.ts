import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canView, type RequestActor } from '../requests/requests.policy.ts';
import { requestStatuses } from '../requests/requests.tables.ts';
import type { PolledEvent } from './moved-requests.store.ts';
import { announcementsOf, mayHear, type RequestAnnouncement } from './request-announcement.ts';

const it_ = randomUUID();
const hr = randomUUID();
const requester = randomUUID();
const actor = (personId: string, memberships: RequestActor['memberships'] = [], isAdmin = false): RequestActor => ({
  personId,
  name: 'Someone',
  isAdmin,
  memberships,
});
const agentOfIt = actor(randomUUID(), [{ teamId: it_, role: 'agent' }]);
const leadOfIt = actor(randomUUID(), [{ teamId: it_, role: 'lead' }]);
const agentOfHr = actor(randomUUID(), [{ teamId: hr, role: 'agent' }]);
const theRequester = actor(requester);
const admin = actor(randomUUID(), [], true);
const stranger = actor(randomUUID());

const announcement = (overrides: Partial<RequestAnnouncement> = {}): RequestAnnouncement => ({
  id: randomUUID(),
  key: 'IT-42',
  teamId: it_,
  requesterId: requester,
  assigneeId: null,
  confidential: false,
  internal: false,
  fromTeamId: null,
  last: 7,
  ...overrides,
});
const hearers = (a: RequestAnnouncement) =>
  Object.entries({ agentOfIt, leadOfIt, agentOfHr, theRequester, admin, stranger })
    .filter(([, who]) => mayHear(who, a))
    .map(([name]) => name);

describe('who hears that a request moved', () => {
  it('a public change: the team, the requester and admins, nobody else', () => {
    expect(hearers(announcement())).toEqual(['agentOfIt', 'leadOfIt', 'theRequester', 'admin']);
  });

  it('an internal note: only the team’s agents and leads', () => {
    expect(hearers(announcement({ internal: true }))).toEqual(['agentOfIt', 'leadOfIt']);
  });

  it('a confidential request: its requester and the team’s leads, not its other agents nor admins', () => {
    expect(hearers(announcement({ confidential: true }))).toEqual(['leadOfIt', 'theRequester']);
    const assigned = announcement({ confidential: true, assigneeId: agentOfIt.personId });
    expect(hearers(assigned)).toEqual(['agentOfIt', 'leadOfIt', 'theRequester']);
  });

  it('a handoff from HR to IT: both teams hear it, so HR’s queue can drop it', () => {
    expect(hearers(announcement({ fromTeamId: hr }))).toEqual(['agentOfIt', 'leadOfIt', 'agentOfHr', 'theRequester', 'admin']);
    expect(hearers(announcement({ fromTeamId: hr, internal: true }))).toEqual(['agentOfIt', 'leadOfIt', 'agentOfHr']);
  });

  it('judges with reading rules that do not depend on the status it does not know', () => {
    for (const who of [agentOfIt, leadOfIt, agentOfHr, theRequester, admin, stranger]) {
      for (const confidential of [false, true]) {
        const facts = { teamId: it_, requesterId: requester, assigneeId: agentOfIt.personId, confidential };
        const answers = new Set(requestStatuses.map((status) => canView(who, { ...facts, status })));
        expect(answers.size).toBe(1);
      }
    }
  });
});

describe('one announcement per request for what a read found', () => {
  const event = (eventId: number, overrides: Partial<PolledEvent> = {}): PolledEvent => {
    const { id: _id, last: _last, ...facts } = announcement();
    return { ...facts, eventId, tx: 1n, requestId: 'r1', ...overrides };
  };

  it('groups by request: the newest id, internal only if all were, the earliest handoff', () => {
    const found = announcementsOf([
      event(9, { internal: true, fromTeamId: it_ }),
      event(5, { internal: true, fromTeamId: hr }),
      event(7, { requestId: 'r2', key: 'IT-43', internal: true }),
      event(8, { internal: false }),
    ]);
    expect(found.map(({ key, last, internal, fromTeamId }) => ({ key, last, internal, fromTeamId }))).toEqual([
      { key: 'IT-42', last: 9, internal: false, fromTeamId: hr },
      { key: 'IT-43', last: 7, internal: true, fromTeamId: null },
    ]);
  });
});
