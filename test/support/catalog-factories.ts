import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ServiceView } from '../../server/modules/catalog/catalog.schema.ts';
import type { RequestView } from '../../server/modules/requests/requests.schema.ts';

// Catalog test helpers: services published and requests filed through the API, as a client would.

type Headers = Record<string, string>;

export const uniqueSlug = (prefix = 'svc') => `${prefix}-${randomBytes(4).toString('hex')}`;

/** Publishes a service as `headers` (an admin or a lead of `team`); fails the test on anything but 201. */
export async function publishService(
  app: FastifyInstance,
  headers: Headers,
  team: string,
  overrides: Record<string, unknown> = {},
): Promise<ServiceView> {
  const slug = uniqueSlug();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/services',
    headers,
    payload: { slug, team, name: `Service ${slug}`, ...overrides },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function fileThrough(
  app: FastifyInstance,
  headers: Headers,
  service: string,
  body: Record<string, unknown>,
  extraHeaders: Headers = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/v1/services/${service}/requests`, headers: { ...headers, ...extraHeaders }, payload: body });
}

/** Files through a service and returns the request; fails the test on anything but 201. */
export async function filedThrough(app: FastifyInstance, headers: Headers, service: string, body: Record<string, unknown>): Promise<RequestView> {
  const response = await fileThrough(app, headers, service, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A form with one field of every type, and a field shown only for one answer. */
export const everyKindForm = {
  fields: [
    { name: 'summary', type: 'short_text', label: 'In one line', required: true, maxLength: 80 },
    { name: 'details', type: 'long_text', label: 'Details', minLength: 10 },
    { name: 'asset_tag', type: 'short_text', label: 'Asset tag', pattern: { regex: '[A-Z]{2}-[0-9]{4}', message: 'must look like AB-1234' } },
    { name: 'copies', type: 'number', label: 'How many', integer: true, min: 1, max: 10 },
    { name: 'needed_by', type: 'date', label: 'Needed by', notBefore: 'today' },
    {
      name: 'kind',
      type: 'choice',
      label: 'What is it',
      required: true,
      options: [
        { value: 'laptop', label: 'Laptop' },
        { value: 'phone', label: 'Phone' },
        { value: 'other', label: 'Something else' },
      ],
    },
    { name: 'other_kind', type: 'short_text', label: 'What else', required: true, showWhen: { field: 'kind', equals: 'other' } },
    {
      name: 'extras',
      type: 'multi_choice',
      label: 'Extras',
      maxSelected: 2,
      options: [
        { value: 'bag', label: 'Bag' },
        { value: 'mouse', label: 'Mouse' },
        { value: 'dock', label: 'Dock' },
      ],
    },
    { name: 'colleague', type: 'person', label: 'Who else is affected' },
    { name: 'photo', type: 'file', label: 'A photo' },
  ],
};

/** "Book time off": two dates, not in the past, and a kind of leave. */
export const timeOffForm = {
  fields: [
    { name: 'first_day', type: 'date', label: 'First day off', required: true, notBefore: 'today' },
    { name: 'last_day', type: 'date', label: 'Last day off', required: true, notBefore: 'today' },
    {
      name: 'leave',
      type: 'choice',
      label: 'Kind of leave',
      required: true,
      options: [
        { value: 'holiday', label: 'Holiday' },
        { value: 'unpaid', label: 'Unpaid leave' },
      ],
    },
  ],
};

/** A day `days` from today (UTC), as YYYY-MM-DD. Tests use days well away from any zone's edge. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

