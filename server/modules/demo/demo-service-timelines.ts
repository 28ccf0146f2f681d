import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/database.ts';
import { decideApproval, listRequestApprovals } from '../catalog/approvals.service.ts';
import { fileRequestThroughService } from '../catalog/catalog.service.ts';
import { listSteps, setStepDone } from '../catalog/steps.service.ts';
import type { RequestActor } from '../requests/requests.policy.ts';
import { addComment, changeRequest, getRequest, type ChangeRequestInput } from '../requests/requests.service.ts';
import { getWorkflowProgress } from '../workflows/workflows.service.ts';
import { demoServices } from './demo-catalog-data.ts';
import type { DemoDirectory } from './demo-directory.ts';
import { demoPeople } from './demo-people.ts';
import type { DemoServiceRequest } from './demo-service-requests.ts';
import { actorsFor, seededRandom } from './demo-timelines.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Plays each request made through the catalog through the catalog's, requests' and workflows'
 * services, at instants in the past month: filed with its answers, approved by the requester's
 * manager where the service asks for it, acknowledged, answered and resolved by the team's desk.
 * First responses come minutes to hours after filing, as they would, so the expected-wait medians
 * read like a real desk's. Returns how many requests were filed, linked requests included.
 */
export async function seedDemoServiceRequests(tx: Queryable, directory: DemoDirectory, scripts: DemoServiceRequest[], now: Date): Promise<number> {
  const random = seededRandom(20_261_126);
  const between = (low: number, high: number) => low + (high - low) * random();
  const actorOf = actorsFor(directory);
  const person = new Map(demoPeople.map((candidate) => [candidate.handle, candidate]));
  const teamOfService = new Map(demoServices.map((service) => [service.slug, service.team]));
  let filed = 0;

  for (const script of scripts) {
    // Each story's instants only move forward, and never past `now`.
    let clock = now.getTime() - script.daysAgo * DAY - between(0, 2 * 60) * MINUTE;
    const end = now.getTime() - MINUTE;
    const after = (minutes: number) => new Date((clock = Math.max(clock, Math.min(clock + minutes * MINUTE, end))));

    const requester = actorOf(script.requester);
    const zone = person.get(script.requester)!.timeZone;
    const filedOn = DateTime.fromMillis(clock, { zone }).startOf('day');
    const answers = script.answers({
      day: (days) => filedOn.plus({ days }).toISODate()!,
      person: (handle) => directory.personIdByHandle.get(handle)!,
    });
    const created = await fileRequestThroughService(tx, requester, script.service, { subject: script.subject, answers, channel: 'portal' }, { at: new Date(clock) });
    const key = created.body.key;
    filed += 1;
    if (script.story === 'new' || script.story === 'pending_approval') continue;

    if (script.story === 'approved') {
      const manager = actorOf(person.get(script.requester)!.manager!);
      const [approval] = (await listRequestApprovals(tx, requester, key)).items;
      await decideApproval(tx, manager, key, approval!.id, { decision: 'approve', comment: '' }, { at: after(between(30, 300)) });
    }

    const desk = new Desk(tx, directory, actorOf, random, after);
    const team = teamOfService.get(script.service)!;
    const handler = await desk.answer(team, key, script.reply ?? 'Thanks, we are on it.', { confidential: created.body.confidential });
    if (script.story === 'onboarding_done' || script.story === 'onboarding_under_way') {
      // HR's own part first (contract, right to work, welcome session); the linked requests then finish it.
      await desk.tickSteps(handler, key, script.story === 'onboarding_done' ? undefined : 2);
      filed += await desk.workOnboarding(requester, key, script.story === 'onboarding_done');
      continue;
    }
    if (script.story === 'answered') {
      await desk.tickSteps(handler, key, 1);
      continue;
    }
    await desk.tickSteps(handler, key);
    await desk.move(handler, key, { status: 'resolved' }, between(60, 2 * DAY / MINUTE));
    // Most people confirm and close their own resolved request; the desk closes the rest.
    if (script.story === 'closed') await desk.move(random() < 0.6 ? requester : handler, key, { status: 'closed' }, between(60, 24 * 60));
  }
  return filed;
}

/** A team's desk at work on demo requests, on one story's clock. */
class Desk {
  constructor(
    private readonly tx: Queryable,
    private readonly directory: DemoDirectory,
    private readonly actorOf: (handle: string) => RequestActor,
    private readonly random: () => number,
    private readonly after: (minutes: number) => Date,
  ) {}

  private between(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /**
   * Acknowledges the request, assigns it to someone on the desk (a lead triages a confidential
   * one, which only leads see until it is assigned), replies publicly and starts the work.
   */
  async answer(team: string, key: string, reply: string, options: { confidential: boolean }): Promise<RequestActor> {
    const desk = this.directory.deskByTeam.get(team) ?? []; // leads first
    const handler = this.actorOf(desk[Math.floor(this.random() * desk.length)]!);
    const triage = options.confidential ? this.actorOf(desk[0]!) : handler;
    await this.move(triage, key, { status: 'acknowledged', assigneeId: handler.personId }, this.between(5, 60));
    await addComment(this.tx, handler, key, { body: reply, visibility: 'public' }, { at: this.after(this.between(10, 180)) });
    await this.move(handler, key, { status: 'in_progress' }, this.between(5, 30));
    return handler;
  }

  /** Ticks the first `count` steps of the request's procedure (all of them by default), one after the other. */
  async tickSteps(actor: RequestActor, key: string, count = Number.POSITIVE_INFINITY): Promise<void> {
    const { items } = await listSteps(this.tx, actor, key);
    for (const step of items.slice(0, count)) await setStepDone(this.tx, actor, key, step.position, true, { at: this.after(this.between(10, 120)) });
  }

  /** Changes the request as the actor, at the version it has now (reactions move it on too). */
  async move(actor: RequestActor, key: string, input: Omit<ChangeRequestInput, 'expectedVersion'>, minutesLater: number): Promise<void> {
    const { version } = await getRequest(this.tx, actor, key);
    await changeRequest(this.tx, actor, key, { ...input, expectedVersion: version }, { at: this.after(minutesLater) });
  }

  /**
   * The linked requests of an onboarding, worked by their teams. Done: every one resolved, which
   * opens Training after IT and then resolves the onboarding itself. Under way: IT and Payroll
   * done, Training opened and acknowledged, Facilities still working. Returns how many were opened.
   */
  async workOnboarding(requester: RequestActor, parentKey: string, finish: boolean): Promise<number> {
    const keyOf = async (step: string) => {
      const progress = await getWorkflowProgress(this.tx, requester, parentKey);
      return progress.steps.find((candidate) => candidate.step === step)?.request?.key;
    };
    const resolve = async (team: string, step: string, reply: string) => {
      const key = (await keyOf(step))!;
      const handler = await this.answer(team, key, reply, { confidential: team === 'payroll' });
      await this.tickSteps(handler, key);
      await this.move(handler, key, { status: 'resolved' }, this.between(4 * 60, 3 * 24 * 60));
    };
    await resolve('it', 'it', 'Accounts created; the laptop is being prepared.');
    await resolve('payroll', 'payroll', 'Payroll record created; we will contact the starter for their details.');
    if (finish) {
      await resolve('facilities', 'facilities', 'Desk 3.14 assigned, badge printed.');
      await resolve('training', 'training', 'Induction booked for the first Monday.');
    } else {
      await this.answer('facilities', (await keyOf('facilities'))!, 'Desk assigned; the badge is printed the week before.', { confidential: false });
      const training = (await keyOf('training'))!;
      const desk = this.directory.deskByTeam.get('training')!;
      await this.move(this.actorOf(desk[0]!), training, { status: 'acknowledged', assigneeId: this.directory.personIdByHandle.get(desk[1]!)! }, this.between(30, 240));
    }
    return (await getWorkflowProgress(this.tx, requester, parentKey)).steps.filter((step) => step.status !== null).length;
  }
}
