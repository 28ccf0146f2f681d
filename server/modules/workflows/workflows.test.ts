import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { actorOf, buildOnboarding, buildService, type OnboardingCast } from '../../../test/support/workflow-factories.ts';
import { applyHallwayChange, createRequest } from '../requests/requests.service.ts';
import { patchRequest, readRequest } from '../requests/requests.test-support.ts';
import type { WorkflowView } from './workflows.schema.ts';

let t: TestApp;
let cast: OnboardingCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildOnboarding(t.database);
});
afterAll(() => t.close());

type Headers = Record<string, string>;

/** Files "New hire onboarding" as the hiring manager, through the service (the catalog's intake path). */
async function fileOnboarding(subject: string, status: 'new' | 'pending_approval' = 'new'): Promise<string> {
  const answer = await createRequest(
    t.database.db,
    actorOf(cast.manager),
    { team: cast.teams.hr.slug, subject },
    { intake: { serviceId: cast.services.onboarding.id, answers: null, status, eventData: {} } },
  );
  return answer.body.key;
}

async function progress(headers: Headers, key: string): Promise<WorkflowView> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/workflow`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const stepOf = (view: WorkflowView, step: string) => view.steps.find((candidate) => candidate.step === step)!;

async function move(headers: Headers, key: string, status: string): Promise<void> {
  const current = await readRequest(t.app, headers, key);
  const response = await patchRequest(t.app, headers, key, current.version, { status });
  expect(response.statusCode, response.body).toBe(200);
}

/** The child keys of a parent, straight from the table (the manager's view shows them too). */
async function childKeys(parentKey: string): Promise<Record<string, string>> {
  const rows = await t.database.rows<{ step: string; key: string }>(
    sql`select s.step_key as step, c.key from request_workflow_steps s join requests p on p.id = s.parent_request_id
        join requests c on c.id = s.child_request_id where p.key = ${parentKey}`,
  );
  return Object.fromEntries(rows.map((row) => [row.step, row.key]));
}

describe('the onboarding workflow', () => {
  it('opens IT, Payroll and Facilities at once, Training once IT is done, and resolves the parent when all are done', async () => {
    const parentKey = await fileOnboarding('New hire: Jo Park');

    const opened = await progress(cast.headers.manager, parentKey);
    expect(opened).toMatchObject({ key: parentKey, done: 0, total: 4 });
    expect(opened.steps.map((step) => [step.step, step.state, step.status])).toEqual([
      ['facilities', 'open', 'new'],
      ['it', 'open', 'new'],
      ['payroll', 'open', 'new'],
      ['training', 'waiting', null],
    ]);
    expect(stepOf(opened, 'training')).toMatchObject({ name: 'First-week training', team: { slug: cast.teams.training.slug }, after: ['it'], waitingFor: ['it'], request: null });

    // Each child: through its service, to its team, in the requester's name, pointing at the parent.
    const keys = await childKeys(parentKey);
    const accounts = await readRequest(t.app, cast.headers.it, keys.it!);
    expect(accounts).toMatchObject({
      subject: 'New hire: Jo Park: Accounts and laptop',
      team: { slug: cast.teams.it.slug },
      requester: { id: cast.manager.id },
      status: 'new',
      priority: 'high',
      confidential: false,
    });
    expect(accounts.description).toContain(parentKey);
    expect(accounts.timeline[0]).toMatchObject({ kind: 'created', data: { openedBy: 'workflow', workflowStep: 'it', parentKey } });
    const payroll = await readRequest(t.app, cast.headers.payrollLead, keys.payroll!);
    expect(payroll).toMatchObject({ confidential: true, subject: 'New hire: Jo Park: Payroll enrolment' });

    // The parent's timeline names each opened step, and the key of each child that is not confidential.
    const parent = await readRequest(t.app, cast.headers.manager, parentKey);
    const openings = parent.timeline.filter((entry) => entry.kind === 'workflow_step_opened').map((entry) => entry.data);
    expect(openings).toEqual([
      { step: 'facilities', service: 'Desk and badge', team: cast.teams.facilities.slug, childKey: keys.facilities },
      { step: 'it', service: 'Accounts and laptop', team: cast.teams.it.slug, childKey: keys.it },
      { step: 'payroll', service: 'Payroll enrolment', team: cast.teams.payroll.slug },
    ]);

    await move(cast.headers.payrollLead, keys.payroll!, 'resolved');
    expect(stepOf(await progress(cast.headers.manager, parentKey), 'training').state).toBe('waiting');

    await move(cast.headers.it, keys.it!, 'resolved');
    const afterIt = await progress(cast.headers.manager, parentKey);
    expect(stepOf(afterIt, 'training')).toMatchObject({ state: 'open', status: 'new', waitingFor: [] });
    expect(afterIt.done).toBe(2);
    const trainingKey = (await childKeys(parentKey)).training!;
    expect(stepOf(afterIt, 'training').request).toEqual({ key: trainingKey, subject: 'New hire: Jo Park: First-week training' });

    await move(cast.headers.facilities, keys.facilities!, 'resolved');
    expect((await readRequest(t.app, cast.headers.manager, parentKey)).status).toBe('new');
    await move(cast.headers.training, trainingKey, 'resolved');

    const resolved = await readRequest(t.app, cast.headers.manager, parentKey);
    expect(resolved.status).toBe('resolved');
    expect(resolved.timeline.at(-1)).toMatchObject({ actor: null, kind: 'status_changed', data: { from: 'new', to: 'resolved', reason: 'every linked request is done' } });
    const finished = await progress(cast.headers.manager, parentKey);
    expect(finished).toMatchObject({ status: 'resolved', done: 4, total: 4 });
    expect(finished.steps.every((step) => step.state === 'done')).toBe(true);
  });

  it('reopens a resolved parent when a child is reopened, and resolves it again when that child is', async () => {
    const parentKey = await fileOnboarding('New hire: Sam Lee');
    const keys = await childKeys(parentKey);
    await move(cast.headers.it, keys.it!, 'resolved');
    await move(cast.headers.payrollLead, keys.payroll!, 'resolved');
    await move(cast.headers.facilities, keys.facilities!, 'resolved');
    const trainingKey = (await childKeys(parentKey)).training!;
    await move(cast.headers.training, trainingKey, 'resolved');
    expect((await readRequest(t.app, cast.headers.manager, parentKey)).status).toBe('resolved');

    // The laptop came back broken: IT reopens. Training, already under way, is not taken back.
    await move(cast.headers.it, keys.it!, 'in_progress');
    const reopened = await readRequest(t.app, cast.headers.manager, parentKey);
    expect(reopened.status).toBe('in_progress');
    expect(reopened.timeline.at(-1)).toMatchObject({ actor: null, data: { to: 'in_progress', reason: 'a linked request was reopened', step: 'it' } });
    expect(await progress(cast.headers.manager, parentKey)).toMatchObject({ done: 3, total: 4 });
    expect(Object.keys(await childKeys(parentKey))).toHaveLength(4);

    await move(cast.headers.it, keys.it!, 'resolved');
    expect((await readRequest(t.app, cast.headers.manager, parentKey)).status).toBe('resolved');
  });

  it('opens nothing while the parent waits for approval, and its first steps once approved', async () => {
    const parentKey = await fileOnboarding('New hire: Ana Cruz', 'pending_approval');
    expect((await progress(cast.headers.manager, parentKey)).steps.map((step) => step.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
    expect(await childKeys(parentKey)).toEqual({});

    const [parent] = await t.database.rows<{ id: string }>(sql`select id from requests where key = ${parentKey}`);
    await t.database.db.transaction((tx) => applyHallwayChange(tx, parent!.id, { status: 'new', reason: 'approved by the manager' }));
    expect(Object.keys(await childKeys(parentKey)).sort()).toEqual(['facilities', 'it', 'payroll']);
  });

  it('opens no more steps once the parent is closed', async () => {
    const parentKey = await fileOnboarding('New hire: withdrawn');
    await move(cast.headers.hr, parentKey, 'resolved');
    await move(cast.headers.hr, parentKey, 'closed');
    await move(cast.headers.it, (await childKeys(parentKey)).it!, 'resolved');
    expect((await childKeys(parentKey)).training).toBeUndefined();
    expect(stepOf(await progress(cast.headers.manager, parentKey), 'training').state).toBe('waiting');
  });
});

describe('who sees the progress', () => {
  it("shows the parent's readers a confidential child's step and status, never its key or subject", async () => {
    const parentKey = await fileOnboarding('New hire: Kim Yu');
    const asHr = await progress(cast.headers.hr, parentKey);
    expect(stepOf(asHr, 'payroll')).toMatchObject({ state: 'open', status: 'new', request: null, hidden: true, team: { slug: cast.teams.payroll.slug } });
    // An ordinary child is named, as on the parent's timeline, though HR could not open it.
    expect(stepOf(asHr, 'it')).toMatchObject({ hidden: false, request: { key: (await childKeys(parentKey)).it } });
    expect(JSON.stringify(asHr)).not.toContain((await childKeys(parentKey)).payroll);
    // The requester sees their own child, confidential or not.
    expect(stepOf(await progress(cast.headers.manager, parentKey), 'payroll')).toMatchObject({ hidden: false });
  });

  it('answers 404 to someone who may not see the parent, and an empty workflow for a request without one', async () => {
    const parentKey = await fileOnboarding('New hire: Lee Ho');
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${parentKey}/workflow`, headers: cast.headers.it });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/requests/${parentKey}/workflow` })).statusCode).toBe(401);

    const itChild = (await childKeys(parentKey)).it!;
    expect(await progress(cast.headers.it, itChild)).toMatchObject({ key: itChild, done: 0, total: 0, steps: [] });
  });
});

describe('bad input', () => {
  it('answers 404 for a malformed key and 400 for an oversized one, and documents the endpoint', async () => {
    const get = (key: string) => t.app.inject({ method: 'GET', url: `/api/v1/requests/${encodeURIComponent(key)}/workflow`, headers: cast.headers.manager });
    expect((await get("HR-1' or '1'='1")).statusCode).toBe(404);
    expect((await get('<script>-1')).statusCode).toBe(404);
    const oversized = await get(`HR-${'9'.repeat(60)}`);
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json().errors[0].field).toBe('params.key');
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(openapi.json().paths)).toContain('/api/v1/requests/{key}/workflow');
  });
});

describe('workflows are one level deep', () => {
  it("does not start a child's own workflow, even when its service has one", async () => {
    const nested = await buildService(t.database, {
      teamId: cast.teams.it.id,
      name: 'Team laptop refresh',
      workflow: [{ key: 'desk', serviceId: cast.services.desk.id, after: [] }],
    });
    const outer = await buildService(t.database, { teamId: cast.teams.hr.id, name: 'Team move', workflow: [{ key: 'laptops', serviceId: nested.id, after: [] }] });
    const answer = await createRequest(t.database.db, actorOf(cast.manager), { team: cast.teams.hr.slug, subject: 'Team move' }, {
      intake: { serviceId: outer.id, answers: null, status: 'new', eventData: {} },
    });
    const children = await childKeys(answer.body.key);
    expect(Object.keys(children)).toEqual(['laptops']);
    expect(await childKeys(children.laptops!)).toEqual({});
  });
});

describe('two children resolved at the same moment', () => {
  it('resolves the parent exactly once', async () => {
    const first = await buildService(t.database, { teamId: cast.teams.it.id, name: 'Phone' });
    const second = await buildService(t.database, { teamId: cast.teams.facilities.id, name: 'Parking' });
    const both = await buildService(t.database, {
      teamId: cast.teams.hr.id,
      name: 'Relocation',
      workflow: [
        { key: 'phone', serviceId: first.id, after: [] },
        { key: 'parking', serviceId: second.id, after: [] },
      ],
    });
    const answer = await createRequest(t.database.db, actorOf(cast.manager), { team: cast.teams.hr.slug, subject: 'Relocation' }, {
      intake: { serviceId: both.id, answers: null, status: 'new', eventData: {} },
    });
    const keys = await childKeys(answer.body.key);
    await Promise.all([move(cast.headers.it, keys.phone!, 'resolved'), move(cast.headers.facilities, keys.parking!, 'resolved')]);
    const parent = await readRequest(t.app, cast.headers.manager, answer.body.key);
    expect(parent.status).toBe('resolved');
    expect(parent.timeline.filter((entry) => entry.kind === 'status_changed')).toHaveLength(1);
  });
});
