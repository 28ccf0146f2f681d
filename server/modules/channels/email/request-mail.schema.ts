import { z } from 'zod';

// GET /requests/{key}/mail: the mail behind a request, as sent (decision 0020, "Reading the whole mail").

/** The most characters of a message's text shown; longer texts are cut and marked `textTruncated`. */
export const FULL_TEXT_LIMIT = 100_000;

const mailAddress = z.object({ name: z.string().nullable(), address: z.string() });

export const requestMailMessage = z.object({
  id: z.uuid(),
  receivedAt: z.string(),
  eventId: z.number().int().nullable().describe('The timeline entry the message became; null for the message that opened the request (its `created` entry)'),
  from: mailAddress.nullable(),
  subject: z.string(),
  text: z.string().describe('The whole plain text, quoted history and signature included (the timeline shows it trimmed)'),
  textTruncated: z.boolean().describe(`The text was longer than ${FULL_TEXT_LIMIT} characters and is cut there`),
  attachments: z.array(z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
  unreadable: z.string().nullable().describe('Why the stored message can no longer be parsed (then text is empty); null normally'),
});
export type RequestMailMessage = z.infer<typeof requestMailMessage>;

export const requestMailList = z.object({ items: z.array(requestMailMessage) });

/** Which timeline entries came from mail, without parsing anything: enough to offer the whole text. */
export const requestMailSource = z.object({
  id: z.uuid(),
  receivedAt: z.string(),
  eventId: z.number().int().nullable(),
});
export type RequestMailSource = z.infer<typeof requestMailSource>;

export const requestMailSourceList = z.object({ items: z.array(requestMailSource) });
