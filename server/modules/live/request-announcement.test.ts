import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canView, type RequestActor } from '../requests/requests.policy.ts';
import { requestStatuses } from '../requests/requests.tables.ts';
import { mayHear, parseRequestAnnouncement, type RequestAnnouncement } from './request-announcement.ts';

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

describe('reading an announcement', () => {
  it('reads what the trigger sends', () => {
    const sent = announcement({ fromTeamId: hr });
    expect(parseRequestAnnouncement(JSON.stringify(sent))).toEqual(sent);
    // Any uuid PostgreSQL stores, not only random (version 4) ones: imported ids need not be.
    const imported = announcement({ requesterId: '00000000-0000-0000-0000-000000000001' });
    expect(parseRequestAnnouncement(JSON.stringify(imported))).toEqual(imported);
  });

  it('ignores anything malformed rather than guessing who may hear it', () => {
    expect(parseRequestAnnouncement(undefined)).toBeUndefined();
    expect(parseRequestAnnouncement('not json')).toBeUndefined();
    expect(parseRequestAnnouncement('{"key":"IT-1"}')).toBeUndefined();
    const { confidential: _dropped, ...withoutConfidential } = announcement();
    expect(parseRequestAnnouncement(JSON.stringify(withoutConfidential))).toBeUndefined();
    expect(parseRequestAnnouncement(JSON.stringify({ ...announcement(), teamId: "x' or 1=1" }))).toBeUndefined();
  });
});
