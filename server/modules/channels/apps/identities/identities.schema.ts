import { z } from 'zod';
import { connectionKinds } from '../apps.tables.ts';

export const linkIdentityBody = z.object({
  /** The token from the link's fragment (`/link/teams#<token>`). */
  token: z.string().min(1).max(2000),
});

export type IdentityClaimView = z.infer<typeof identityClaimView>;

export const identityParams = z.object({
  connectionId: z.uuid(),
  externalUserId: z.string().min(1).max(500),
});

export const identityView = z.object({
  connectionId: z.uuid(),
  kind: z.enum(connectionKinds),
  /** The connection's name as the admin gave it (e.g. "IT help channel"). */
  connectionName: z.string(),
  externalUserId: z.string(),
  /** The name the chat app showed when the link was made. */
  externalName: z.string().nullable(),
  linkedAt: z.iso.datetime(),
});
export type IdentityView = z.infer<typeof identityView>;

/**
 * A link asked for and waiting (decision 0025): nothing is linked until `code` comes back in a
 * message from the account itself, before `expiresAt`.
 */
export const identityClaimView = identityView.omit({ linkedAt: true }).extend({
  /** Eight characters; shown once, stored only as its SHA-256. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
  /** What to do with the code, in words (e.g. "Write `link ABCD2345` to Hallway in Teams from that account"). */
  instruction: z.string(),
});
