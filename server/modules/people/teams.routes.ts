import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { canManageTeamMembers, canManageTeams, canReadDirectory, canSetTeamMembership } from './people.policy.ts';
import {
  createTeamBody,
  membershipBody,
  membershipParams,
  membershipView,
  teamDetailView,
  teamSlugParams,
  teamView,
  updateTeamBody,
} from './people.schema.ts';
import { createTeam, getTeam, listTeams, removeMembership, requireTeam, setMembership, updateTeam } from './teams.service.ts';

const tags = ['teams'];

export function teamRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const { db } = deps.database;

    routes.get(
      '/teams',
      { schema: { tags, summary: 'Every team', response: { 200: z.object({ items: z.array(teamView) }) } } },
      async (request) => {
        authorize(canReadDirectory(requireActor(request)));
        return { items: await listTeams(db) };
      },
    );

    routes.get(
      '/teams/:slug',
      { schema: { tags, summary: 'A team with its members', params: teamSlugParams, response: { 200: teamDetailView } } },
      async (request) => {
        authorize(canReadDirectory(requireActor(request)));
        return getTeam(db, request.params.slug);
      },
    );

    routes.post(
      '/teams',
      { schema: { tags, summary: 'Create a team (admin)', body: createTeamBody, response: { 201: teamDetailView } } },
      async (request, reply) => {
        authorize(canManageTeams(requireActor(request)), 'Only an admin may create teams');
        const team = await db.transaction((tx) => createTeam(tx, request.body));
        return reply.code(201).header('location', `/api/v1/teams/${team.slug}`).send(team);
      },
    );

    routes.patch(
      '/teams/:slug',
      {
        schema: { tags, summary: 'Change a team (admin)', params: teamSlugParams, body: updateTeamBody, response: { 200: teamDetailView } },
      },
      async (request) => {
        authorize(canManageTeams(requireActor(request)), 'Only an admin may change teams');
        return db.transaction((tx) => updateTeam(tx, request.params.slug, request.body));
      },
    );

    routes.put(
      '/teams/:slug/members/:personId',
      {
        schema: {
          tags,
          summary: "Make someone an agent or lead of the team (admin or the team's lead)",
          params: membershipParams,
          body: membershipBody,
          response: { 200: membershipView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return db.transaction(async (tx) => {
          const team = await requireTeam(tx, request.params.slug);
          authorize(
            canSetTeamMembership(actor, team.id, request.params.personId),
            "Only an admin or the team's lead may change its members, and nobody gives a role to themselves",
          );
          return setMembership(tx, team, request.params.personId, request.body.role);
        });
      },
    );

    routes.delete(
      '/teams/:slug/members/:personId',
      {
        schema: {
          tags,
          summary: "Take someone off the team (admin or the team's lead)",
          params: membershipParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await db.transaction(async (tx) => {
          const team = await requireTeam(tx, request.params.slug);
          authorize(canManageTeamMembers(actor, team.id), "Only an admin or the team's lead may change its members");
          await removeMembership(tx, team, request.params.personId);
        });
        return reply.code(204).send(null);
      },
    );
  };
}
