import { z } from 'zod';
import { articleStatuses, articleVisibilities } from '../knowledge/knowledge.tables.ts';

// GET /teams/{idOrSlug}/page: what a team does and how to reach it, for the portal's team page.

export const teamPageParams = z.strictObject({
  slug: z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .regex(/^[a-z0-9][a-z0-9-]*$|^[0-9a-fA-F-]{36}$/, 'must be a team slug or id')
    .describe('The team slug or id'),
});

/** The contract's ArticleSummary, as the team page lists a team's most useful articles. */
export const articleSummary = z.object({
  id: z.string(),
  slug: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  title: z.string(),
  excerpt: z.string(),
  status: z.enum(articleStatuses),
  visibility: z.enum(articleVisibilities),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  owner: z.object({ id: z.string(), name: z.string() }),
  reviewBy: z.string().nullable(),
  stale: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  stats: z.object({ views: z.number(), helpful: z.number(), notHelpful: z.number() }),
});
export type ArticleSummary = z.infer<typeof articleSummary>;

export const teamPage = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  hours: z
    .object({
      timeZone: z.string(),
      weekly: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
    })
    .nullable()
    .describe('The team calendar; null when the team keeps none'),
  services: z.array(z.object({ slug: z.string(), name: z.string(), description: z.string() })),
  promises: z.array(z.object({ name: z.string(), target: z.string() })).describe('SLA targets in words, in business hours'),
  articles: z.array(articleSummary),
});
export type TeamPage = z.infer<typeof teamPage>;
