import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { actorOf, buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addComment } from '../requests/requests.service.ts';
import type { ClockView } from './sla.schema.ts';

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
let it_: Awaited<ReturnType<typeof buildTeam>>;
let sales: Awaited<ReturnType<typeof buildTeam>>;
let people: { itLead: Person; itAgent: Person; salesLead: Person; salesAgent: Person; seller: Person; engineer: Person; stranger: Person };
let headers: Record<keyof typeof people, Record<string, string>>;
let service: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp();
  it_ = await buildTeam(t.database, { name: 'IT' });
  sales = await buildTeam(t.database, { name: 'Sales' });
  people = {
    itLead: await buildPerson(t.database, { name: 'Ivy IT Lead', leadOf: [it_.id] }),
    itAgent: await buildPerson(t.database, { name: 'Ian IT Agent', agentOf: [it_.id] }),
    salesLead: await buildPerson(t.database, { name: 'Sue Sales Lead', leadOf: [sales.id] }),
    salesAgent: await buildPerson(t.database, { name: 'Sid Sales Agent', agentOf: [sales.id] }),
    seller: await buildPerson(t.database, { name: 'Sally Seller', homeTeamId: sales.id }),
    engineer: await buildPerson(t.database, { name: 'Ed Engineer' }),
    stranger: await buildPerson(t.database, { name: 'Sam Stranger' }),
  };
  headers = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([role, person]) => [role, await bearerFor(t.database, person.id)]))) as typeof headers;
  await buildOfficeCalendar(t.database, it_.id);
  const policyId = await buildPolicy(t.database, it_.id, { normal: { firstResponse: 60, resolution: 480 } });
  service = await buildService(t.database, it_.id, { slaPolicyId: policyId });
});
afterAll(() => t.close());

const post = (who: Record<string, string>, url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who, ...(payload ? { payload } : {}) });

async function firstResponseClock(requester: Person, iso: string): Promise<ClockView> {
  const request = await fileThroughService(t.database, requester, it_, service.id, { at: new Date(iso) });
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/sla`, headers: headers.itAgent });
  return response.json().clocks.find((clock: ClockView) => clock.metric === 'first_response');
}

describe('an internal agreement', () => {
  it('applies only once both leads accepted, only to the consumer team, only between its dates, until withdrawn', async () => {
    const proposed = await post(headers.itLead, '/agreements', {
      name: 'Quarter end',
      providerTeam: it_.slug,
      consumerTeam: sales.slug,
      serviceId: service.id,
      targets: { normal: { firstResponse: 30 } },
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const agreement = proposed.json();
    expect(agreement).toMatchObject({ status: 'proposed', proposedBy: people.itLead.id, consumerAcceptedAt: null });
    expect(agreement.providerAcceptedAt).not.toBeNull();

    // Proposed is not agreed: Sales still gets IT's policy.
    expect(await firstResponseClock(people.seller, '2026-03-02T09:00:00Z')).toMatchObject({ targetMinutes: 60, source: 'policy' });

    // IT's side has spoken; a Sales agent is not a lead; a stranger does not learn it exists.
    expect((await post(headers.itLead, `/agreements/${agreement.id}/accept`)).json().code).toBe('AGREEMENT_NOT_OPEN');
    expect((await post(headers.salesAgent, `/agreements/${agreement.id}/accept`)).statusCode).toBe(403);
    expect((await post(headers.stranger, `/agreements/${agreement.id}/accept`)).statusCode).toBe(404);

    const accepted = await post(headers.salesLead, `/agreements/${agreement.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('in_force');

    expect(await firstResponseClock(people.seller, '2026-03-02T10:00:00Z')).toMatchObject({ targetMinutes: 30, source: 'agreement', dueAt: '2026-03-02T10:30:00.000Z' });
    // Someone outside Sales, and Sales after the quarter, get the policy.
    expect(await firstResponseClock(people.engineer, '2026-03-02T10:00:00Z')).toMatchObject({ targetMinutes: 60, source: 'policy' });
    expect(await firstResponseClock(people.seller, '2026-04-01T10:00:00Z')).toMatchObject({ targetMinutes: 60, source: 'policy' });

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/agreements', headers: headers.salesAgent });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(agreement.id);

    const withdrawn = await post(headers.salesLead, `/agreements/${agreement.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect(await firstResponseClock(people.seller, '2026-03-03T10:00:00Z')).toMatchObject({ targetMinutes: 60, source: 'policy' });
    expect((await post(headers.salesLead, `/agreements/${agreement.id}/accept`)).json().code).toBe('AGREEMENT_NOT_OPEN');
  });

  it.each([
    ['the same team on both sides', { consumerTeam: 'IT' }, 'body.consumerTeam'],
    ['an end before the start', { startsOn: '2026-03-10', endsOn: '2026-03-01' }, 'body.endsOn'],
    ['no target at all', { targets: { normal: {} } }, 'body.targets'],
    ['a negative target', { targets: { normal: { firstResponse: -1 } } }, 'body.targets.normal.firstResponse'],
    ['a date that is not one', { startsOn: '2026-02-30x' }, 'body.startsOn'],
  ])('refuses %s, naming the field, writing nothing', async (_name, overrides, field) => {
    const before = await fingerprint(t.database);
    const payload = { name: 'Bad', providerTeam: it_.slug, consumerTeam: sales.slug, targets: { normal: { firstResponse: 30 } }, ...overrides };
    if (payload.consumerTeam === 'IT') payload.consumerTeam = it_.slug;
    const response = await post(headers.itLead, '/agreements', payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('refuses a service of another team', async () => {
    const salesService = await buildService(t.database, sales.id);
    const before = await fingerprint(t.database);
    const response = await post(headers.itLead, '/agreements', { name: 'x', providerTeam: it_.slug, consumerTeam: sales.slug, serviceId: salesService.id, targets: { normal: { firstResponse: 5 } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.serviceId');
    expect(await fingerprint(t.database)).toEqual(before);
  });
});

describe('expected wait', () => {
  const DAY = 86_400_000;

  async function answered(serviceId: string, minutes: number, daysAgo: number, confidential = false): Promise<void> {
    const filedAt = new Date(Date.now() - daysAgo * DAY);
    const request = await fileThroughService(t.database, people.engineer, it_, serviceId, { at: filedAt, confidential });
    // A confidential case is answered by a lead: the team's other agents do not see it.
    const agent = await actorOf(t.database, confidential ? people.itLead : people.itAgent);
    await addComment(t.database.db, agent, request.key, { body: 'On it', visibility: 'public' }, { at: new Date(filedAt.getTime() + minutes * 60_000) });
  }

  it("is the service's median with five answered requests in 30 days, else the team's", async () => {
    const policyId = await buildPolicy(t.database, it_.id, { normal: { firstResponse: 45 }, high: { firstResponse: 15 } });
    const busy = await buildService(t.database, it_.id, { slaPolicyId: policyId });
    const quiet = await buildService(t.database, it_.id);
    for (const [index, minutes] of [10, 20, 30, 40, 50].entries()) await answered(busy.id, minutes, 2 + index);
    await answered(quiet.id, 100, 3);
    await answered(quiet.id, 5000, 40); // outside the window
    await fileThroughService(t.database, people.engineer, it_, quiet.id, { at: new Date(Date.now() - DAY) }); // unanswered
    // A confidential case is nobody else's business, not even as one more in a count.
    await answered(busy.id, 9000, 1, true);
    await answered(quiet.id, 9000, 1, true);

    const ofBusy = await t.app.inject({ method: 'GET', url: `/api/v1/services/${busy.id}/expected-wait`, headers: headers.stranger });
    expect(ofBusy.statusCode, ofBusy.body).toBe(200);
    expect(ofBusy.json()).toMatchObject({ committedFirstResponseMinutes: 45, recentMedianFirstResponseMinutes: 30, basis: 'service', sampleSize: 5, timeZone: 'Europe/London' });
    expect(typeof ofBusy.json().openNow).toBe('boolean');
    if (ofBusy.json().openNow) expect(ofBusy.json().closesAt).toBeDefined();
    else expect(Date.parse(ofBusy.json().nextOpenAt)).toBeGreaterThan(Date.now() - 60_000);

    // Two services of IT were answered in the window before this one's single request: the team's
    // median spans every answered IT request of the last 30 days (the agreement test's are older).
    const ofQuiet = await t.app.inject({ method: 'GET', url: `/api/v1/services/${quiet.slug}/expected-wait`, headers: headers.stranger });
    expect(ofQuiet.json()).toMatchObject({ committedFirstResponseMinutes: null, recentMedianFirstResponseMinutes: 35, basis: 'team', sampleSize: 6 });
  });

  it('says so when nobody has been answered, and refuses an unknown service', async () => {
    const newTeam = await buildTeam(t.database);
    const fresh = await buildService(t.database, newTeam.id);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/services/${fresh.id}/expected-wait`, headers: headers.seller });
    // No calendar: taken as always open, as the clocks count every minute.
    expect(response.json()).toMatchObject({ openNow: true, timeZone: 'UTC', basis: 'none', recentMedianFirstResponseMinutes: null, sampleSize: 0 });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/services/no-such-service/expected-wait', headers: headers.seller });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'SERVICE_NOT_FOUND', errors: [{ field: 'params.idOrSlug' }] });
  });
});
