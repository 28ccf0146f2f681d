import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { teamSlugParams } from '../people/people.schema.ts';
import { canCreateCalendar, canManageCalendar, canReadCalendars } from './calendars.policy.ts';
import {
  addQuery,
  addResult,
  availabilityQuery,
  availabilityResult,
  betweenQuery,
  betweenResult,
  calendarDetailView,
  calendarIdParams,
  calendarView,
  closureBody,
  closureFromBody,
  closureParams,
  closureView,
  createCalendarBody,
  nextOpenQuery,
  nextOpenResult,
  updateCalendarBody,
} from './calendars.schema.ts';
import {
  addClosure,
  addToCalendar,
  calendarFeed,
  createCalendar,
  getCalendar,
  listCalendars,
  measureOnCalendar,
  nextOpenOnCalendar,
  removeClosure,
  requireCalendar,
  teamAvailability,
  updateCalendar,
} from './calendars.service.ts';

// HTTP only. Calendars and their arithmetic are for every signed-in person (the API refuses the
// signed-out by default): when a team works is not a secret, and the portal shows it to requesters.
// A team's lead keeps its calendar; admins keep every calendar and the company holidays.
//
// The .ics feed is behind sign-in like the rest of the API: calendar apps that can send an
// `Authorization: Bearer` header subscribe with a personal API token. Apps that cannot send
// headers (and cannot send our cookies) need signed per-person feed URLs: a follow-up.
const MANAGE_REFUSED = "Only an admin or the team's lead may change a team calendar; only an admin the company holidays";
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

    routes.get(
      '/teams/:slug/availability',
      {
        schema: {
          tags,
          summary: 'Whether a team is open, and when it opens next (on its calendar, with the company holidays)',
          description: '`at` defaults to now. `closesAt` is given only when the team is open at `at`.',
          params: teamSlugParams,
          querystring: availabilityQuery,
          response: { 200: availabilityResult },
        },
      },
      async (request) => {
        authorize(canReadCalendars(requireActor(request)));
        return teamAvailability(db, request.params.slug, request.query.at);
      },
    );

    routes.get(
      '/calendars/:id/holidays.ics',
      {
        schema: {
          tags,
          summary: "The calendar's closures as an iCalendar feed (text/calendar) to subscribe to",
          description: 'Send a personal API token as `Authorization: Bearer <token>`; whole-day closures are all-day events.',
          params: calendarIdParams,
        },
      },
      async (request, reply) => {
        authorize(canReadCalendars(requireActor(request)));
        const feed = await calendarFeed(db, request.params.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', `inline; filename="${request.params.id}.ics"`)
          .send(feed.body);
      },
    );

    routes.post(
      '/calendars',
      {
        schema: {
          tags,
          summary: "Create a calendar (admin; a team's lead for their own team)",
          body: createCalendarBody,
          response: { 201: calendarDetailView },
        },
      },
      async (request, reply) => {
        const { closures, ...body } = request.body;
        authorize(canCreateCalendar(requireActor(request), body), MANAGE_REFUSED);
        const calendar = await db.transaction((tx) => createCalendar(tx, { ...body, closures: closures?.map(closureFromBody) }));
        return reply.code(201).header('location', `/api/v1/calendars/${calendar.id}`).send(calendar);
      },
    );

    routes.patch(
      '/calendars/:id',
      {
        schema: {
          tags,
          summary: "Rename a calendar, or change its zone or week (admin; the team's lead)",
          params: calendarIdParams,
          body: updateCalendarBody,
          response: { 200: calendarDetailView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return db.transaction(async (tx) => {
          authorize(canManageCalendar(actor, await requireCalendar(tx, request.params.id)), MANAGE_REFUSED);
          return updateCalendar(tx, request.params.id, request.body);
        });
      },
    );

    routes.post(
      '/calendars/:id/closures',
      {
        schema: {
          tags,
          summary: "Close the calendar for whole days or a wall-clock range (admin; the team's lead)",
          params: calendarIdParams,
          body: closureBody,
          response: { 201: closureView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const closure = await db.transaction(async (tx) => {
          authorize(canManageCalendar(actor, await requireCalendar(tx, request.params.id)), MANAGE_REFUSED);
          return addClosure(tx, request.params.id, closureFromBody(request.body));
        });
        return reply.code(201).send(closure);
      },
    );

    routes.delete(
      '/calendars/:id/closures/:closureId',
      { schema: { tags, summary: "Reopen: remove a closure (admin; the team's lead)", params: closureParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await db.transaction(async (tx) => {
          authorize(canManageCalendar(actor, await requireCalendar(tx, request.params.id)), MANAGE_REFUSED);
          await removeClosure(tx, request.params.id, request.params.closureId);
        });
        return reply.code(204).send(null);
      },
    );
  };
}
