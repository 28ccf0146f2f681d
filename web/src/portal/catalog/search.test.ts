import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/types.ts';
import { filterServices, groupByTeam } from './search.ts';

function service(slug: string, name: string, team: string, description = ''): Service {
  return {
    id: slug,
    slug,
    name,
    description,
    team: { slug: team.toLowerCase(), name: team },
    requestType: 'question',
    defaultPriority: 'normal',
    confidential: false,
    active: true,
    version: 1,
    form: { version: 1, fields: [], createdAt: '2026-11-01T00:00:00Z' },
    approval: null,
  };
}

const catalog = [
  service('laptop-repair', 'Laptop or computer problem', 'IT', 'Something wrong with your laptop'),
  service('payslip', 'Question about my payslip', 'Payroll'),
  service('desk', 'Desk or chair', 'Facilities', 'A new café chair'),
];

describe('searching the catalog', () => {
  it('finds a service by a word of its name, in any case', () => {
    expect(filterServices(catalog, 'LAPTOP').map((s) => s.slug)).toEqual(['laptop-repair']);
  });

  it('needs every word, and matches the team and description too', () => {
    expect(filterServices(catalog, 'it laptop').map((s) => s.slug)).toEqual(['laptop-repair']);
    expect(filterServices(catalog, 'payroll laptop')).toEqual([]);
    expect(filterServices(catalog, 'cafe').map((s) => s.slug)).toEqual(['desk']);
  });

  it('shows everything for an empty or blank search', () => {
    expect(filterServices(catalog, '   ')).toHaveLength(3);
  });

  it('groups by team, teams alphabetically', () => {
    expect(groupByTeam(catalog).map((group) => group.team.name)).toEqual(['Facilities', 'IT', 'Payroll']);
  });
});
