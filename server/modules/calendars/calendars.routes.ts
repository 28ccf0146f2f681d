import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import {
  addQuery,
  addResult,
  betweenQuery,
  betweenResult,
  calendarDetailView,
  calendarIdParams,
  calendarView,
  nextOpenQuery,
  nextOpenResult,
} from './calendars.schema.ts';
import { addToCalendar, getCalendar, listCalendars, measureOnCalendar, nextOpenOnCalendar } from './calendars.service.ts';

// HTTP only. Calendars and their arithmetic are for every signed-in person (the API refuses the
// signed-out by default): when a team works is not a secret, and the portal shows it to requesters. Creating and changing calendars (admin) and
// the .ics feed come later.
export function calendarRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['calendars'];

    routes.get(
      '/calendars',
      { schema: { tags, summary: 'Every team calendar and the company holidays', response: { 200: z.object({ items: z.array(calendarView) }) } } },
      async () => ({ items: await listCalendars(db) }),
    );

    routes.get(
      '/calendars/:id',
      { schema: { tags, summary: 'A calendar with its closures, and whether it is open now', params: calendarIdParams, response: { 200: calendarDetailView } } },
      async (request) => getCalendar(db, request.params.id),
    );

    routes.get(
      '/calendars/:id/add',
      {
        schema: {
          tags,
          summary: 'The instant a number of business minutes after another',
          description: 'Adding 0 minutes gives the next open instant. Team calendars also close on company holidays.',
          params: calendarIdParams,
          querystring: addQuery,
          response: { 200: addResult },
        },
      },
      async (request) => addToCalendar(db, request.params.id, request.query.from, request.query.minutes),
    );

    routes.get(
      '/calendars/:id/between',
      {
        schema: {
          tags,
          summary: 'Business minutes between two instants',
          params: calendarIdParams,
          querystring: betweenQuery,
          response: { 200: betweenResult },
        },
      },
      async (request) => measureOnCalendar(db, request.params.id, request.query.from, request.query.to),
    );

    routes.get(
      '/calendars/:id/next-open',
      {
        schema: {
          tags,
          summary: 'When the calendar is next open (the instant itself if open then)',
          params: calendarIdParams,
          querystring: nextOpenQuery,
          response: { 200: nextOpenResult },
        },
      },
      async (request) => nextOpenOnCalendar(db, request.params.id, request.query.at),
    );
  };
}
