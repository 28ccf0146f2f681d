import { describe, expect, it } from 'vitest';
import { planTransition } from './lifecycle.ts';
import { requestStatuses, type RequestStatus } from './requests.tables.ts';

const legal: Array<[RequestStatus, RequestStatus]> = [
  ['new', 'acknowledged'],
  ['new', 'in_progress'],
  ['new', 'resolved'],
  ['acknowledged', 'in_progress'],
  ['acknowledged', 'waiting_on_requester'],
  ['acknowledged', 'resolved'],
  ['in_progress', 'waiting_on_requester'],
  ['in_progress', 'resolved'],
  ['waiting_on_requester', 'in_progress'],
  ['waiting_on_requester', 'resolved'],
  ['resolved', 'in_progress'],
  ['resolved', 'closed'],
];

const isLegal = (from: RequestStatus, to: RequestStatus) => legal.some(([f, t]) => f === from && t === to);
const everyPair = requestStatuses.flatMap((from) => requestStatuses.map((to) => [from, to] as const));

describe('request lifecycle', () => {
  it.each(everyPair)('%s -> %s is allowed exactly when the table says so', (from, to) => {
    const plan = planTransition({ status: from, acknowledgedAt: null }, to);
    expect(plan.allowed).toBe(isLegal(from, to));
    if (!plan.allowed) expect(plan.reason.length).toBeGreaterThan(10);
  });

  it.each([
    ['closed', 'in_progress', 'a closed request cannot change; open a new one'],
    ['in_progress', 'closed', 'only a resolved request can be closed; resolve it first'],
    ['resolved', 'waiting_on_requester', 'reopen a resolved request by moving it to in_progress'],
    ['in_progress', 'new', 'a request cannot go back to new'],
    ['new', 'waiting_on_requester', 'acknowledge the request before waiting on the requester'],
    ['in_progress', 'acknowledged', 'a request is acknowledged only once, while it is new'],
    ['resolved', 'resolved', 'the request is already resolved'],
  ] as const)('%s -> %s is refused with the reason "%s"', (from, to, reason) => {
    expect(planTransition({ status: from, acknowledgedAt: new Date() }, to)).toEqual({ allowed: false, reason });
  });

  it('stamps acknowledgement on the first move out of new, however it leaves', () => {
    for (const to of ['acknowledged', 'in_progress', 'resolved'] as const) {
      const plan = planTransition({ status: 'new', acknowledgedAt: null }, to);
      expect(plan.allowed && plan.stamp).toContain('acknowledgedAt');
    }
    const later = planTransition({ status: 'acknowledged', acknowledgedAt: new Date() }, 'in_progress');
    expect(later).toEqual({ allowed: true, to: 'in_progress', stamp: [], clear: [], reopened: false });
  });

  it('stamps resolution and closing, and clears the resolution on reopen', () => {
    const acknowledged = { acknowledgedAt: new Date() };
    expect(planTransition({ status: 'in_progress', ...acknowledged }, 'resolved')).toMatchObject({ stamp: ['resolvedAt'] });
    expect(planTransition({ status: 'resolved', ...acknowledged }, 'closed')).toMatchObject({ stamp: ['closedAt'] });
    expect(planTransition({ status: 'resolved', ...acknowledged }, 'in_progress')).toEqual({
      allowed: true,
      to: 'in_progress',
      stamp: [],
      clear: ['resolvedAt'],
      reopened: true,
    });
  });
});
