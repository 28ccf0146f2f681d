import { z } from 'zod';
import { searchSources } from '../knowledge/knowledge.tables.ts';

// GET /search: one query over articles, services, teams and the company holidays (issue 5 contract).

export const hitTypes = ['article', 'service', 'team', 'holiday'] as const;
export type HitType = (typeof hitTypes)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 50;

const typesList = z
  .string()
  .max(100, 'must be at most 100 characters')
  .transform((value, context): HitType[] => {
    const names = value.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !(hitTypes as readonly string[]).includes(name));
    if (unknown.length > 0 || names.length === 0) {
      context.addIssue({ code: 'custom', message: `must be a comma-separated list of ${hitTypes.join(', ')}` });
      return z.NEVER;
    }
    return [...new Set(names as HitType[])];
  });

export const searchQuery = z.strictObject({
  q: z
    .string({ message: 'is required' })
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
    .refine((value) => !value.includes('\u0000'), 'must not contain a NUL character'),
  types: typesList.optional().describe('Comma-separated: article,service,team,holiday (default all)'),
  team: z.uuid({ message: 'must be a team id' }).optional(),
  limit: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
    .default(10),
  source: z.enum(searchSources, { message: `must be one of ${searchSources.join(', ')}` }).default('api'),
  service: z.uuid({ message: 'must be a service id' }).optional(),
});
export type SearchQuery = z.output<typeof searchQuery>;

export const searchHit = z.object({
  type: z.enum(hitTypes),
  id: z.string(),
  title: z.string(),
  snippet: z.string().describe('HTML: matched words in <mark>, everything else escaped'),
  link: z.string().describe('Web path: /kb/<slug>, /services/<slug>, /teams/<slug>, /holidays'),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  query: z.string(),
  searchId: z.number().nullable().describe('The logged search; null for intake searches, which are not logged'),
  total: z.number(),
  hits: z.array(searchHit),
});
export type SearchResult = z.infer<typeof searchResult>;
