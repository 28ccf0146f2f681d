import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { authorize, requireSignedIn } from '../../platform/auth/authorize.ts';
import { peopleImportRoutes } from './people-import.routes.ts';
import { canManagePeople, canReadDirectory } from './people.policy.ts';
import {
  createPersonBody,
  listPeopleQuery,
  personDetailView,
  personIdParams,
  personPage,
  updatePersonBody,
} from './people.schema.ts';
import { createPerson, getPerson, listDirectory, updatePerson } from './people.service.ts';
import { teamRoutes } from './teams.routes.ts';

const tags = ['people'];

export function peopleRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const { db } = deps.database;
    // Everything here is for people who are signed in; strangers hear so before any validation.
    app.addHook('preValidation', requireSignedIn);

    routes.get(
      '/people',
      { schema: { tags, summary: 'Search the directory', querystring: listPeopleQuery, response: { 200: personPage } } },
      async (request) => {
        authorize(canReadDirectory(requireActor(request)));
        return listDirectory(db, request.query);
      },
    );

    routes.get(
      '/people/:id',
      { schema: { tags, summary: 'One person', params: personIdParams, response: { 200: personDetailView } } },
      async (request) => {
        authorize(canReadDirectory(requireActor(request)));
        return getPerson(db, request.params.id);
      },
    );

    routes.post(
      '/people',
      { schema: { tags, summary: 'Add a person (admin)', body: createPersonBody, response: { 201: personDetailView } } },
      async (request, reply) => {
        authorize(canManagePeople(requireActor(request)), 'Only an admin may add people');
        const person = await db.transaction((tx) => createPerson(tx, request.body));
        return reply.code(201).header('location', `/api/v1/people/${person.id}`).send(person);
      },
    );

    routes.patch(
      '/people/:id',
      {
        schema: {
          tags,
          summary: 'Change a person (admin)',
          params: personIdParams,
          body: updatePersonBody,
          response: { 200: personDetailView },
        },
      },
      async (request) => {
        authorize(canManagePeople(requireActor(request)), 'Only an admin may change people');
        return db.transaction((tx) => updatePerson(tx, request.params.id, request.body));
      },
    );

    await app.register(teamRoutes(deps));
    await app.register(peopleImportRoutes(deps));
  };
}
