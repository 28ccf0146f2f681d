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

export const meView = personSummary.extend({
  memberships: z.array(z.object({ team: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }), role: membershipRole })),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().optional().describe('For a browser session only, so a reloaded page can recover it'),
});
export type MeView = z.output<typeof meView>;

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
