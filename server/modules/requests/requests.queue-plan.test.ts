import { sql, type SQLWrapper } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSyntheticQueue } from '../../../bench/synthetic-queue.ts';
import { buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { readScopeOf, type ReadScope } from './requests.policy.ts';
import { clockedPageQuery, newestPageQuery, unclockedPageQuery } from './requests.queue.store.ts';

// A queue of 10,000 requests in one team (and as many in another) must be read through its indexes,
// not sorted whole: the plans PostgreSQL chooses for the queue's page queries, by index name.

let t: TestApp;
let teamId: string;
let scope: ReadScope;
const PAGE = 26;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t.database);
  const other = await buildTeam(t.database);
  teamId = team.id;
  const agent = await buildPerson(t.database, { agentOf: [team.id] });
  const colleague = await buildPerson(t.database, { agentOf: [team.id, other.id] });
  const requesters = await Promise.all([1, 2, 3].map(() => buildPerson(t.database)));
  const requesterIds = requesters.map((person) => person.id);
  const firstFiledAt = new Date('2026-01-05T08:00:00Z');
  await insertSyntheticQueue(t.database, { teamId: other.id, keyPrefix: other.keyPrefix, requesterIds, assigneeIds: [colleague.id], count: 10_000, firstFiledAt });
  await insertSyntheticQueue(t.database, { teamId: team.id, keyPrefix: team.keyPrefix, requesterIds, assigneeIds: [agent.id, colleague.id], count: 10_000, firstFiledAt });
  scope = readScopeOf({ personId: agent.id, name: agent.name, isAdmin: false, memberships: [{ teamId: team.id, role: 'agent' }] });
}, 120_000);
afterAll(() => t.close());

async function planOf(query: SQLWrapper): Promise<PlanNode[]> {
  const [row] = await t.database.rows<{ 'QUERY PLAN': unknown }>(sql`explain (format json) ${query}`);
  const plan = row!['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: PlanNode }>;
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(visit);
  };
  visit(parsed[0]!.Plan);
  return nodes;
}

const indexesOf = (nodes: PlanNode[]) => nodes.map((node) => node['Index Name']).filter(Boolean);
const typesOf = (nodes: PlanNode[]) => nodes.map((node) => node['Node Type']);

describe('the queue of 10,000 requests, sorted by due time', () => {
  it('reads the first page of clocked requests in the order of (team_id, due_at, id), sorting only ties', async () => {
    const nodes = await planOf(clockedPageQuery(t.database.db, scope, { teamId }, undefined, PAGE));
    expect(indexesOf(nodes)).toContain('requests_team_due_idx');
    expect(typesOf(nodes)).not.toContain('Seq Scan');
    // An Incremental Sort orders requests due at the same instant; a plain Sort would sort the queue.
    expect(typesOf(nodes)).not.toContain('Sort');
  });

  it('starts a deep page at its cursor in the same index', async () => {
    const [middle] = await t.database.rows<{ due: string; created: string; id: string }>(sql`
      select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as due,
             to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created, id
      from requests where team_id = ${teamId} and due_at is not null order by due_at, created_at desc, id desc offset 4000 limit 1`);
    const nodes = await planOf(clockedPageQuery(t.database.db, scope, { teamId }, { dueAt: middle!.due, createdAt: middle!.created, id: middle!.id }, PAGE));
    expect(indexesOf(nodes)).toContain('requests_team_due_idx');
    expect(typesOf(nodes)).not.toContain('Seq Scan');
    expect(typesOf(nodes)).not.toContain('Sort');
  });

  it('reads the open statuses and the breaching ones through an index too', async () => {
    const open = await planOf(clockedPageQuery(t.database.db, scope, { teamId, statuses: ['new', 'acknowledged', 'in_progress'] }, undefined, PAGE));
    expect(indexesOf(open)).toContain('requests_team_due_idx');
    expect(typesOf(open)).not.toContain('Seq Scan');
    const breaching = await planOf(clockedPageQuery(t.database.db, scope, { teamId, breachingSoon: true }, undefined, PAGE));
    expect(indexesOf(breaching).some((name) => name === 'requests_team_due_idx' || name === 'requests_team_warn_idx')).toBe(true);
    expect(typesOf(breaching)).not.toContain('Seq Scan');
  });

  it('reads the unclocked requests after them, and the newest-first list, without a scan of the table', async () => {
    for (const query of [unclockedPageQuery(t.database.db, scope, { teamId }, undefined, PAGE), newestPageQuery(t.database.db, scope, { teamId }, undefined, PAGE)]) {
      const nodes = await planOf(query);
      expect(indexesOf(nodes).length).toBeGreaterThan(0);
      expect(typesOf(nodes)).not.toContain('Seq Scan');
    }
  });
});
