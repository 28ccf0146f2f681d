import { randomBytes } from 'node:crypto';
import { serviceForms, services, type WorkflowStepDefinition } from '../../server/modules/catalog/catalog.tables.ts';
import type { RequestActor } from '../../server/modules/requests/requests.policy.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { bearerFor, buildPerson, buildTeam } from './factories.ts';

type ServiceRow = typeof services.$inferSelect;
type Person = Awaited<ReturnType<typeof buildPerson>>;
type Team = Awaited<ReturnType<typeof buildTeam>>;

/**
 * A service written straight to the table, with an empty form at version 1, so that workflow tests
 * do not depend on the catalog's API (and can store what that API would refuse, e.g. a nested
 * workflow, to check that the run time copes).
 */
export async function buildService(
  database: Database,
  values: { teamId: string; name: string } & Partial<Omit<typeof services.$inferInsert, 'teamId' | 'name'>>,
): Promise<ServiceRow> {
  const [service] = await database.db
    .insert(services)
    .values({ slug: `service-${randomBytes(3).toString('hex')}`, ...values })
    .returning();
  await database.db.insert(serviceForms).values({ serviceId: service!.id, version: 1, form: { version: 1, fields: [] } });
  return service!;
}

/** How a person acts when a test calls a service function directly (no memberships needed to ask). */
export const actorOf = (person: Person): RequestActor => ({ personId: person.id, name: person.name, isAdmin: false, memberships: [] });

export interface OnboardingCast {
  teams: Record<'hr' | 'it' | 'payroll' | 'facilities' | 'training', Team>;
  /** One agent per team, and the Payroll lead (Payroll's confidential cases are the leads'). */
  agents: Record<'hr' | 'it' | 'payroll' | 'facilities' | 'training' | 'payrollLead', Person>;
  manager: Person;
  services: Record<'onboarding' | 'accounts' | 'payroll' | 'desk' | 'training', ServiceRow>;
  headers: Record<'manager' | 'hr' | 'it' | 'payroll' | 'facilities' | 'training' | 'payrollLead', Record<string, string>>;
}

/**
 * Issue 3's example: "New hire onboarding" (HR) opens "Accounts and laptop" (IT), "Payroll
 * enrolment" (Payroll, confidential), "Desk and badge" (Facilities) and "First-week training"
 * (Training), which waits for IT.
 */
export async function buildOnboarding(database: Database, options: { onboardingApproval?: boolean } = {}): Promise<OnboardingCast> {
  const team = (name: string) => buildTeam(database, { name });
  const teams = { hr: await team('HR'), it: await team('IT'), payroll: await team('Payroll'), facilities: await team('Facilities'), training: await team('Training') };
  const agent = (name: string, of: Team) => buildPerson(database, { name, agentOf: [of.id] });
  const agents = {
    hr: await agent('Hana HR', teams.hr),
    it: await agent('Ivan IT', teams.it),
    payroll: await agent('Paula Payroll', teams.payroll),
    facilities: await agent('Fred Facilities', teams.facilities),
    training: await agent('Tia Training', teams.training),
    payrollLead: await buildPerson(database, { name: 'Lars Payroll Lead', leadOf: [teams.payroll.id] }),
  };
  const manager = await buildPerson(database, { name: 'Mona Manager' });
  const accounts = await buildService(database, { teamId: teams.it.id, name: 'Accounts and laptop', defaultPriority: 'high' });
  const payroll = await buildService(database, { teamId: teams.payroll.id, name: 'Payroll enrolment', confidential: true });
  const desk = await buildService(database, { teamId: teams.facilities.id, name: 'Desk and badge' });
  const training = await buildService(database, { teamId: teams.training.id, name: 'First-week training' });
  const workflow: WorkflowStepDefinition[] = [
    { key: 'it', serviceId: accounts.id, after: [] },
    { key: 'payroll', serviceId: payroll.id, after: [] },
    { key: 'facilities', serviceId: desk.id, after: [] },
    { key: 'training', serviceId: training.id, after: ['it'] },
  ];
  const onboarding = await buildService(database, {
    teamId: teams.hr.id,
    name: 'New hire onboarding',
    workflow,
    approval: options.onboardingApproval ? { approver: 'manager' } : null,
  });
  const headers = {
    manager: await bearerFor(database, manager.id),
    hr: await bearerFor(database, agents.hr.id),
    it: await bearerFor(database, agents.it.id),
    payroll: await bearerFor(database, agents.payroll.id),
    facilities: await bearerFor(database, agents.facilities.id),
    training: await bearerFor(database, agents.training.id),
    payrollLead: await bearerFor(database, agents.payrollLead.id),
  };
  return { teams, agents, manager, services: { onboarding, accounts, payroll, desk, training }, headers };
}
