import { z } from 'zod';
import { articleSummary } from '../knowledge/articles.schema.ts';

// GET /teams/{idOrSlug}/page: what a team does and how to reach it, for the portal's team page.

export const teamPageParams = z.strictObject({
  slug: z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .regex(/^[a-z0-9][a-z0-9-]*$|^[0-9a-fA-F-]{36}$/, 'must be a team slug or id')
    .describe('The team slug or id'),
});

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
  articles: z.array(articleSummary).describe('Its most helpful published articles that you may read'),
});
export type TeamPage = z.infer<typeof teamPage>;
