import { convert } from 'html-to-text';
import { z } from 'zod';

/**
 * The part of a Teams outgoing-webhook activity (a Bot Framework activity) Hallway reads. Teams sends
 * much more; the rest is ignored. The signature was checked on the raw bytes before this is parsed.
 */
export const teamsActivitySchema = z.object({
  type: z.literal('message'),
  id: z.string().min(1).max(200),
  timestamp: z.string(),
  text: z.string().max(100_000).default(''),
  from: z.object({
    id: z.string().min(1).max(500),
    name: z.string().max(500).optional(),
    aadObjectId: z.string().max(100).optional(),
    /** Not in the payloads Teams documents today; read when a tenant's payload carries them (see identityOf). */
    userPrincipalName: z.string().max(320).optional(),
    email: z.string().max(320).optional(),
  }),
  conversation: z.object({ id: z.string().min(1).max(500) }),
});
export type TeamsActivity = z.infer<typeof teamsActivitySchema>;

/** The activity, or the first problem with it as a field and reason for problem+json. */
export function parseTeamsActivity(rawBody: Buffer): { ok: true; activity: TeamsActivity } | { ok: false; field: string; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, field: 'body', reason: 'is not JSON' };
  }
  const parsed = teamsActivitySchema.safeParse(json);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: ['body', ...issue.path.map(String)].join('.'), reason: issue.message };
}

const MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/gi;

/**
 * What the person wrote: the webhook's own @mention (which every message to an outgoing webhook
 * starts with) removed, and Teams' HTML turned into plain text.
 */
export function messageTextOf(activity: Pick<TeamsActivity, 'text'>): string {
  const withoutMentions = activity.text.replace(MENTION, ' ');
  return convert(withoutMentions, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
    ],
  })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The id a person links their Teams account by: the Azure AD object id when Teams sends it (the
 * same person in every team and bot of the tenant), else the Bot Framework user id.
 */
export function externalUserIdOf(activity: Pick<TeamsActivity, 'from'>): string {
  return activity.from.aadObjectId?.trim() || activity.from.id;
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/**
 * The e-mail address that says who wrote, or null. Teams' outgoing webhooks send the writer's
 * display name and Azure AD object id, never an e-mail. A display name is not an identity (two
 * people share one; anyone can rename themselves), and an object id can only be matched once the
 * person has linked it (external_identities, see externalUserIdOf). So besides a linked account, only
 * an address Teams itself put in the signed payload (`userPrincipalName`, `email`) counts.
 */
export function identityOf(activity: Pick<TeamsActivity, 'from'>): string | null {
  for (const candidate of [activity.from.email, activity.from.userPrincipalName]) {
    const address = candidate?.trim().toLowerCase();
    if (address && EMAIL.test(address)) return address;
  }
  return null;
}
