import { describe, expect, it } from 'vitest';
import { sectionsFor, type Caller } from './sections.ts';

const person = (isAdmin: boolean, roles: ('agent' | 'lead')[]): Caller => ({
  isAdmin,
  memberships: roles.map((role, index) => ({ team: { id: `t${index}`, slug: `team-${index}`, name: `Team ${index}` }, role })),
});

describe('the console’s sections', () => {
  it('are all there for an admin', () => {
    expect(sectionsFor(person(true, [])).map((section) => section.id)).toEqual(['services', 'people', 'teams', 'sla', 'calendars', 'channels', 'tokens']);
  });

  it('leave the directory to admins: a lead manages their teams', () => {
    expect(sectionsFor(person(false, ['agent', 'lead'])).map((section) => section.id)).toEqual(['services', 'teams', 'sla', 'calendars', 'tokens']);
  });

  it('offer an agent only their own API tokens', () => {
    expect(sectionsFor(person(false, ['agent'])).map((section) => section.id)).toEqual(['tokens']);
  });
});
