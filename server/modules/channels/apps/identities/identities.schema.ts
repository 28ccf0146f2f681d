import { z } from 'zod';
import { connectionKinds } from '../apps.tables.ts';

export const linkIdentityBody = z.object({
  /** The token from the link's fragment (`/link/teams#<token>`). */
  token: z.string().min(1).max(2000),
});

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
