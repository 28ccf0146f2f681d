import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './database-fingerprint.ts';
import { ROLES, type Cast, type Role } from './roles.ts';
import type { TestApp } from './test-app.ts';

export interface EndpointAccess {
  endpoint: string;
  /** Builds the call for a role; may first create what the call needs (a fresh person, a token ...). */
  request: (cast: Cast, role: Role) => Promise<InjectOptions> | InjectOptions;
  expected: Record<Role, number>;
}

/** Every role, answered as the table says; a refused call leaves the database as it was. */
export function describeAccessMatrix(matrix: EndpointAccess[], context: () => { t: TestApp; cast: Cast }): void {
  describe.each(matrix)('$endpoint', ({ request, expected }) => {
    it.each(ROLES)('as %s', async (role) => {
      const { t, cast } = context();
      const options = await request(cast, role);
      const before = expected[role] >= 400 ? await fingerprint(t.database) : undefined;
      const response = await t.app.inject({ ...options, headers: { ...cast.headers[role], ...options.headers } });
      expect(response.statusCode, response.body).toBe(expected[role]);
      if (before) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(await fingerprint(t.database)).toEqual(before);
      }
    });
  });
}

/** Shorthands for the common shapes of a matrix row. */
export const signedInOnly = (status: number): Record<Role, number> => ({
  anonymous: 401,
  employee: status,
  otherEmployee: status,
  agentOfOtherTeam: status,
  agent: status,
  lead: status,
  admin: status,
});

export const adminOnly = (status: number): Record<Role, number> => ({
  ...signedInOnly(403),
  admin: status,
});
