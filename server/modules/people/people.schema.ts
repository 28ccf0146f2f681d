import { z } from 'zod';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../platform/http/pagination.ts';
import { normaliseTimeZone } from './time-zones.ts';

// Control characters have no place in a name or title, and CR/LF could smuggle headers into mail.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const singleLineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must be a single line without control characters');

/** E-mail addresses are compared and stored lower-case. */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be an e-mail address' }));

export const timeZone = z
  .string()
  .max(64)
  .transform((value, context) => {
    const zone = normaliseTimeZone(value);
    if (!zone) {
      context.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/Paris' });
      return z.NEVER;
    }
    return zone;
  });

export const teamSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (at most 63)');
export const keyPrefix = z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'must be an upper-case letter then up to 9 letters or digits');
export const password = z.string().min(12, 'must be at least 12 characters').max(1024, 'must be at most 1024 characters');
export const phone = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .regex(/^[0-9+()\-. /x]*$/i, 'may hold digits, spaces and + ( ) - . / x only');
export const membershipRole = z.enum(['agent', 'lead']);
const timestamp = z.iso.datetime({ offset: true });

// ---- people ----

const personFields = {
  email: emailAddress,
  name: singleLineText(200),
  title: singleLineText(200).nullable(),
  homeTeam: teamSlug.nullable().describe('slug of the home team'),
  manager: z.uuid().nullable().describe('id of the manager'),
  location: singleLineText(200).nullable(),
  timeZone,
  phone: phone.nullable(),
  isAdmin: z.boolean(),
  active: z.boolean(),
  password,
};

export const createPersonBody = z.strictObject({
  ...personFields,
  title: personFields.title.optional(),
  homeTeam: personFields.homeTeam.optional(),
  manager: personFields.manager.optional(),
  location: personFields.location.optional(),
  timeZone: personFields.timeZone.default('UTC'),
  phone: personFields.phone.optional(),
  isAdmin: personFields.isAdmin.default(false),
  active: personFields.active.default(true),
  password: personFields.password.optional(),
});
export type CreatePersonInput = z.output<typeof createPersonBody>;

export const updatePersonBody = z.strictObject(personFields).partial();
export type UpdatePersonInput = z.output<typeof updatePersonBody>;

const teamReference = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const personView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  homeTeam: teamReference.nullable(),
  manager: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  location: z.string().nullable(),
  timeZone: z.string(),
  phone: z.string().nullable(),
  isAdmin: z.boolean(),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PersonView = z.output<typeof personView>;

export const personDetailView = personView.extend({
  memberships: z.array(z.object({ team: teamReference, role: membershipRole })),
});
export type PersonDetailView = z.output<typeof personDetailView>;

export const listPeopleQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('part of a name or e-mail address'),
  team: teamSlug.optional().describe('people whose home team this is, or who work for it'),
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  limit: pageSizeQuery,
  // The position is the last row's sort key: its lower-case name and id.
  cursor: cursorQuery(z.tuple([z.string(), z.uuid()])).optional().describe('nextCursor of the previous page'),
});
export type DirectoryQuery = z.output<typeof listPeopleQuery>;

export const personPage = pageSchema(personView);
export const personIdParams = z.strictObject({ id: z.uuid() });

// ---- teams ----

export const createTeamBody = z.strictObject({
  slug: teamSlug,
  name: singleLineText(200),
  description: z.string().max(5000, 'must be at most 5000 characters').default(''),
  email: emailAddress.nullable().optional(),
  keyPrefix,
});
export type CreateTeamInput = z.output<typeof createTeamBody>;

export const updateTeamBody = z
  .strictObject({
    slug: teamSlug,
    name: singleLineText(200),
    description: z.string().max(5000, 'must be at most 5000 characters'),
    email: emailAddress.nullable(),
    keyPrefix,
  })
  .partial();
export type UpdateTeamInput = z.output<typeof updateTeamBody>;

export const teamView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  email: z.string().nullable(),
  keyPrefix: z.string(),
  inboundAddress: z.string().nullable().describe("The team's e-mail address Hallway receives mail at (null when none)"),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TeamView = z.output<typeof teamView>;

export const teamMemberView = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), email: z.string(), title: z.string().nullable() }),
  role: membershipRole,
});
export const teamDetailView = teamView.extend({ members: z.array(teamMemberView) });
export type TeamDetailView = z.output<typeof teamDetailView>;

export const teamSlugParams = z.strictObject({ slug: teamSlug });
export const membershipParams = z.strictObject({ slug: teamSlug, personId: z.uuid() });
export const membershipBody = z.strictObject({ role: membershipRole });
export const membershipView = z.object({
  team: teamReference,
  person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  role: membershipRole,
});
