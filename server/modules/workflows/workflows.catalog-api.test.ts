import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { WorkflowView } from './workflows.schema.ts';

// The same workflow, defined and used the way people do: through the catalog's API.

let t: TestApp;
let admin: Record<string, string>;
let manager: Record<string, string>;
const serviceIds: Record<string, string> = {};
let hrSlug: string;

async function publish(body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: body });
}

beforeAll(async () => {
  t = await createTestApp();
  const team = (name: string) => buildTeam(t.database, { name });
  const [hr, it, payroll, facilities, training] = [await team('HR'), await team('IT'), await team('Payroll'), await team('Facilities'), await team('Training')];
  hrSlug = hr.slug;
  admin = await bearerFor(t.database, (await buildPerson(t.database, { name: 'Ines Admin', isAdmin: true })).id);
  manager = await bearerFor(t.database, (await buildPerson(t.database, { name: 'Mona Manager' })).id);
  const children = [
    ['accounts', it.slug, 'Accounts and laptop'],
    ['payroll-enrolment', payroll.slug, 'Payroll enrolment'],
    ['desk-and-badge', facilities.slug, 'Desk and badge'],
    ['first-week-training', training.slug, 'First-week training'],
  ] as const;
  for (const [slug, teamSlug, name] of children) {
    const response = await publish({ slug: `${slug}-${hr.slug}`, team: teamSlug, name });
    expect(response.statusCode, response.body).toBe(201);
    serviceIds[slug] = response.json().id;
  }
});
afterAll(() => t.close());

const onboardingWorkflow = (trainingAfter: string[], itAfter: string[] = []) => [
  { key: 'it', serviceId: serviceIds.accounts, after: itAfter },
  { key: 'payroll', serviceId: serviceIds['payroll-enrolment'], after: [] },
  { key: 'facilities', serviceId: serviceIds['desk-and-badge'], after: [] },
  { key: 'training', serviceId: serviceIds['first-week-training'], after: trainingAfter },
];

describe('a workflow defined through the catalog', () => {
  it('is refused when its steps wait on each other in a cycle, at the step, with nothing written', async () => {
    const [before] = await t.database.rows<{ count: number }>(sql`select count(*)::int as count from services`);
    const response = await publish({ slug: `onboarding-cycle-${hrSlug}`, team: hrSlug, name: 'New hire onboarding', workflow: onboardingWorkflow(['it'], ['training']) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.workflow.0.after', reason: 'the steps wait on each other in a cycle: it -> training -> it' }]);
    const [after] = await t.database.rows<{ count: number }>(sql`select count(*)::int as count from services`);
    expect(after!.count).toBe(before!.count);
  });

  it('opens IT, Payroll and Facilities when someone asks for onboarding, and Training waits for IT', async () => {
    const published = await publish({
      slug: `onboarding-${hrSlug}`,
      team: hrSlug,
      name: 'New hire onboarding',
      form: { fields: [{ name: 'start_date', label: 'First day', type: 'date', required: true }] },
      workflow: onboardingWorkflow(['it']),
    });
    expect(published.statusCode, published.body).toBe(201);

    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/services/onboarding-${hrSlug}/requests`,
      headers: manager,
      payload: { subject: 'New hire: Jo Park', answers: { start_date: '2027-01-04' } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const key: string = filed.json().key;

    const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/workflow`, headers: manager });
    expect(response.statusCode, response.body).toBe(200);
    const view: WorkflowView = response.json();
    expect(view.steps.map((step) => [step.step, step.name, step.state])).toEqual([
      ['facilities', 'Desk and badge', 'open'],
      ['it', 'Accounts and laptop', 'open'],
      ['payroll', 'Payroll enrolment', 'open'],
      ['training', 'First-week training', 'waiting'],
    ]);
    expect(view.steps.find((step) => step.step === 'it')!.request!.subject).toBe('New hire: Jo Park: Accounts and laptop');

    // Workflows are one level deep: onboarding, which has a workflow, cannot be a step of another.
    const nested = await publish({
      slug: `relocation-${hrSlug}`,
      team: hrSlug,
      name: 'Relocation',
      workflow: [{ key: 'onboarding', serviceId: published.json().id, after: [] }],
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors).toEqual([
      { field: 'body.workflow.0.serviceId', reason: '"New hire onboarding" has a workflow of its own; workflows are one level deep' },
    ]);
  });
});
