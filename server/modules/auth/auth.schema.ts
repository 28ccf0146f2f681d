import { z } from 'zod';
import { emailAddress, membershipRole, singleLineText } from '../people/people.schema.ts';

const timestamp = z.iso.datetime({ offset: true });

export const signInBody = z.strictObject({
  email: emailAddress,
  // Capped so that nobody can make the server hash megabytes.
  password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
});

const personSummary = z.object({ id: z.uuid(), email: z.string(), name: z.string(), isAdmin: z.boolean() });

export const signedInView = z.object({
  person: personSummary,
  csrfToken: z.string().describe('Send it in the x-csrf-token header with every cookie-authenticated write'),
});

/** How a person likes to be thanked for their help: in public (team channels, the review) or privately. */
export const recognitionChoice = z.enum(['public', 'private'], { message: 'must be public or private' });

export const meView = personSummary.extend({
  memberships: z.array(z.object({ team: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }), role: membershipRole })),
  recognition: recognitionChoice.nullable().describe('null until the person has been asked (the web app asks once, at first sign-in)'),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().optional().describe('For a browser session only, so a reloaded page can recover it'),
});
export type MeView = z.output<typeof meView>;

/** What a person may change about themselves. Everything else in the directory is kept by admins. */
export const updateMeBody = z.strictObject({ recognition: recognitionChoice });
export type UpdateMeBody = z.output<typeof updateMeBody>;

export const createTokenBody = z.strictObject({ name: singleLineText(100) });

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export type ApiTokenView = z.output<typeof apiTokenView>;

export const issuedTokenView = apiTokenView.extend({
  token: z.string().describe('The secret: shown this once, never again'),
});

export const tokenIdParams = z.strictObject({ id: z.uuid() });
