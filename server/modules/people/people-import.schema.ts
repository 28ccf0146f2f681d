import { z } from 'zod';

export const importQuery = z.strictObject({
  skipInvalid: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});
export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
