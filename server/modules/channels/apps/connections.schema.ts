import { z } from 'zod';
import { connectionKinds } from './apps.tables.ts';

// The admin API of a team's chat-app and SMS connections (decision 0025). The signing secret is
// write-only; the credential (a bot token, a gateway key) is never sent at all: only the NAME of
// the environment variable that holds it.

export const teamSlugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug such as "it"') });
export const connectionIdParams = z.strictObject({ id: z.uuid({ message: 'must be a connection id' }) });

const httpUrl = z
  .url({ message: 'must be an http(s) URL' })
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

export const slackSettings = z.strictObject({
  /** Slack's Web API; a test or a proxy may stand in for it. */
  apiBaseUrl: httpUrl.default('https://slack.com/api'),
  /** Slash commands are filed through this catalog service of the team when set. */
  defaultServiceSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a service slug').optional(),
});
export const teamsSettings = z.strictObject({
  /**
   * Where replies go once the outgoing webhook's answer window has passed. The URL is a bearer
   * secret of its own (anyone holding it posts to the channel): answers show it masked.
   */
  incomingWebhookUrl: httpUrl.optional(),
});
const headerName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name').transform((name) => name.toLowerCase());
export const smsSettings = z.strictObject({
  format: z.enum(['twilio', 'generic']),
  sendUrl: httpUrl,
  fromNumber: z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be a phone number in E.164 form, such as +14155550100'),
  accountSid: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be letters and digits').optional(),
  /** The inbound URL exactly as configured at the gateway (Twilio signs it); HALLWAY_PUBLIC_URL + our path when unset. */
  inboundUrl: httpUrl.optional(),
  /** For numbers written without one: `44`, `1`. */
  defaultCountryCode: z.string().regex(/^\+?[1-9][0-9]{0,2}$/, 'must be a country calling code such as 44').optional(),
  /** Generic gateways: the names of their signature and timestamp headers. */
  signatureHeader: headerName.optional(),
  timestampHeader: headerName.optional(),
});
export type SlackSettings = z.output<typeof slackSettings>;
export type TeamsSettings = z.output<typeof teamsSettings>;
export type SmsSettings = z.output<typeof smsSettings>;

export const settingsSchemaOf = { slack: slackSettings, teams: teamsSettings, sms: smsSettings } as const;

const name = z.string().trim().min(1).max(120);
/** Workspace id, webhook id or phone number: printable, no spaces, so it cannot smuggle anything into a log line. */
const externalId = z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces');
const signingSecret = z.string().min(8, 'must be at least 8 characters').max(512);
const credentialEnv = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable, such as HALLWAY_SLACK_IT_BOT_TOKEN')
  .max(128)
  .nullable();

const common = { name, externalId, signingSecret, credentialEnv: credentialEnv.default(null), enabled: z.boolean().default(true) };

export const createConnectionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('slack'), ...common, settings: slackSettings.default({ apiBaseUrl: 'https://slack.com/api' }) }),
  z.strictObject({ kind: z.literal('teams'), ...common, settings: teamsSettings.default({}) }),
  z.strictObject({ kind: z.literal('sms'), ...common, settings: smsSettings }),
]);
export type CreateConnectionBody = z.output<typeof createConnectionBody>;

export const updateConnectionBody = z
  .strictObject({
    name: name.optional(),
    externalId: externalId.optional(),
    /** A new secret: the old one stays accepted for `secretGraceHours`, so peers can switch at their pace. */
    signingSecret: signingSecret.optional(),
    secretGraceHours: z.number().int().min(0).max(168).default(24),
    credentialEnv: credentialEnv.optional(),
    /** The kind's whole settings, checked against its kind. */
    settings: z.record(z.string(), z.unknown()).optional(),
    enabled: z.boolean().optional(),
  });
export type UpdateConnectionBody = z.output<typeof updateConnectionBody>;

export const connectionView = z.object({
  id: z.string(),
  team: z.string(),
  kind: z.enum(connectionKinds),
  name: z.string(),
  externalId: z.string(),
  /** The variable's name and whether this Hallway process has it set; never its value. */
  credentialEnv: z.string().nullable(),
  credentialSet: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  /** While a rotated-out secret is still accepted. */
  previousSecretUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionView = z.infer<typeof connectionView>;
export const connectionList = z.object({ items: z.array(connectionView) });
