import type { Queryable } from '../../platform/db/database.ts';
import type { RequestActor } from '../requests/requests.policy.ts';
import { addComment, changeRequest, createRequest } from '../requests/requests.service.ts';
import type { RequestStatus } from '../requests/requests.tables.ts';
import type { DemoDirectory } from './demo-directory.ts';
import { demoPeople } from './demo-people.ts';
import type { DemoRequest } from './demo-requests.ts';

const HOUR = 3_600_000;

/** How long ago a request in each status was raised, in hours: closed ones are weeks old, new ones fresh. */
const ageRangeHours: Record<RequestStatus, [number, number]> = {
  pending_approval: [1, 30],
  new: [1, 20],
  acknowledged: [6, 72],
  in_progress: [24, 8 * 24],
  waiting_on_requester: [24, 10 * 24],
  resolved: [3 * 24, 20 * 24],
  closed: [7 * 24, 35 * 24],
};

/** mulberry32: a tiny seeded PRNG, so every seed makes the same organisation and tests can count on it. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Plays each demo request's story through the requests service, at instants spread over the past
 * weeks, so its timeline (and every metric computed from it) is what real use would have written.
 */
export async function seedDemoRequests(db: Queryable, directory: DemoDirectory, requests: DemoRequest[], now: Date): Promise<number> {
  const random = seededRandom(20_240_601);
  const between = (low: number, high: number) => low + (high - low) * random();
  const actorOf = actorsFor(directory);

  for (const script of requests) {
    const [minAge, maxAge] = ageRangeHours[script.status];
    // Each step happens a little after the one before, and the last one still before `now`.
    const steps = 4 + (script.replies?.length ?? 0);
    let at = now.getTime() - between(minAge, maxAge) * HOUR;
    const stepHours = (now.getTime() - at) / HOUR / (steps + 1);
    const next = () => new Date((at += between(0.2, 1) * stepHours * HOUR));

    const requester = actorOf(script.requester);
    const created = await createRequest(
      db,
      requester,
      {
        team: script.team,
        subject: script.subject,
        description: script.description,
        priority: script.priority,
        confidential: script.confidential ?? false,
        channel: script.channel,
      },
      { at: new Date(at) },
    );
    const key = created.body.key;
    let version = created.body.version;
    if (script.status === 'new') continue;

    const desk = directory.deskByTeam.get(script.team) ?? []; // leads first
    const agent = actorOf(desk[Math.floor(random() * desk.length)]!);
    const change = async (actor: RequestActor, status: RequestStatus, assigneeId?: string) => {
      const view = await changeRequest(db, actor, key, { status, assigneeId, expectedVersion: version }, { at: next() });
      version = view.version;
    };
    // A confidential case is seen only by the team's leads until it is assigned: a lead triages it.
    await change(script.confidential ? actorOf(desk[0]!) : agent, 'acknowledged', agent.personId);
    if (script.status === 'acknowledged') continue;

    await change(agent, 'in_progress');
    for (const [speaker, body, note] of script.replies ?? []) {
      const result = await addComment(
        db,
        speaker === 'desk' ? agent : requester,
        key,
        { body, visibility: note ? 'internal' : 'public' },
        { at: next() },
      );
      version = result.request.version;
    }
    if (script.status === 'in_progress') continue;
    if (script.status === 'waiting_on_requester') {
      await change(agent, 'waiting_on_requester');
      continue;
    }
    await change(agent, 'resolved');
    // Most people confirm and close their own resolved request; the desk closes the rest.
    if (script.status === 'closed') await change(random() < 0.6 ? requester : agent, 'closed');
  }
  return requests.length;
}

export function actorsFor(directory: DemoDirectory): (handle: string) => RequestActor {
  const byHandle = new Map(demoPeople.map((person) => [person.handle, person]));
  return (handle) => {
    const person = byHandle.get(handle);
    const personId = directory.personIdByHandle.get(handle);
    if (!person || !personId) throw new Error(`the demo data names ${handle}, who is not in the demo directory`);
    const teamId = directory.teamIdBySlug.get(person.team)!;
    return {
      personId,
      name: person.name,
      isAdmin: false,
      memberships: person.desk ? [{ teamId, role: person.desk }] : [],
    };
  };
}
