import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { importPeopleCsv } from './people-import.ts';
import { canManagePeople } from './people.policy.ts';
import { importQuery, importResult } from './people-import.schema.ts';

/** A directory of 100,000 people is about 10 MB of CSV; JSON bodies keep the app-wide limit. */
const CSV_BODY_LIMIT_BYTES = 10_000_000;

export function peopleImportRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    // Scoped to this plugin: only the import route takes CSV, and only as text/csv (a text/plain
    // body is more likely the wrong file than a directory).
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    // Refuse before reading a large upload from someone who may not import.
    app.addHook('preParsing', async (request) => {
      authorize(canManagePeople(requireActor(request)), 'Only an admin may import people');
    });

    app.withTypeProvider<ZodTypeProvider>().post(
      '/people/import',
      {
        schema: {
          tags: ['people'],
          summary: 'Import the directory from CSV (admin)',
          description:
            'Body: text/csv with a header line naming the columns email,name,title,team,manager_email,location,time_zone,phone,role ' +
            '(email and name required). Existing e-mail addresses are updated. With errors, nothing is imported unless ' +
            'skipInvalid=true, which imports the good lines and lists the others.',
          querystring: importQuery,
          body: z.string().max(CSV_BODY_LIMIT_BYTES),
          response: { 200: importResult },
        },
      },
      async (request) => importPeopleCsv(deps.database.db, request.body, { skipInvalid: request.query.skipInvalid }),
    );
  };
}
