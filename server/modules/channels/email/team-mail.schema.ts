import { z } from 'zod';
import { unknownSenderRules } from './mail.tables.ts';

export const teamSlugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug such as "it"') });

const imapSettings = z.strictObject({
  enabled: z.boolean(),
  host: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9.-]+$/, 'must be a host name or address'),
  port: z.number().int().min(1).max(65535).default(993),
  tls: z.boolean().default(true),
  user: z.string().min(1).max(255),
  /** The environment variable that holds the password: the password itself is never stored (decision 0020). */
  passwordEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable, such as HALLWAY_IT_MAILBOX_PASSWORD'),
  mailbox: z.string().min(1).max(255).default('INBOX'),
});

export const teamMailBody = z.strictObject({
  /** The team's address; plus-forms of it reach the team too. */
  inboundAddress: z.email({ message: 'must be an e-mail address' }).max(254).transform((address) => address.toLowerCase()),
  unknownSenderRule: z.enum(unknownSenderRules).default('hold'),
  imap: imapSettings.nullable().default(null),
});
export type TeamMailBody = z.output<typeof teamMailBody>;

export const teamMailView = z.object({
  inboundAddress: z.string(),
  unknownSenderRule: z.enum(unknownSenderRules),
  imap: z
    .object({
      enabled: z.boolean(),
      host: z.string(),
      port: z.number().int(),
      tls: z.boolean(),
      user: z.string(),
      passwordEnv: z.string(),
      mailbox: z.string(),
      polledAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
});
export type TeamMailView = z.infer<typeof teamMailView>;
