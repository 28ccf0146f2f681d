import { z } from 'zod';
import { TOKEN_SCOPE_PURPOSE, TOKEN_SCOPES } from '../../platform/auth/api-token-scopes.ts';
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

const scopeList = TOKEN_SCOPES.map((scope) => `\`${scope}\`: ${TOKEN_SCOPE_PURPOSE[scope]}`).join('; ');
export const tokenScope = z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(', ')}` });

export const createTokenBody = z.strictObject({
  name: singleLineText(100),
  scopes: z
    .array(tokenScope, { error: 'must be a list of scopes' })
    .min(1, 'must name at least one scope')
    .max(TOKEN_SCOPES.length, `must have at most ${TOKEN_SCOPES.length} scopes`)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'must not name a scope twice')
    .describe(`What the token may be used for; never more than its person may do. ${scopeList}`),
});
export type CreateTokenBody = z.output<typeof createTokenBody>;

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  scopes: z.array(z.string()).nullable().describe("What the token may be used for; null for a token made before scopes (its person's rights)"),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export type ApiTokenView = z.output<typeof apiTokenView>;

export const issuedTokenView = apiTokenView.extend({
  token: z.string().describe('The secret: shown this once, never again'),
});

export const tokenIdParams = z.strictObject({ id: z.uuid() });
