import { en } from '../i18n/en.ts';

/** The API's limit per file (server: MAX_ATTACHMENT_BYTES), checked here first to save a wasted upload. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A file's size the way people read it: 512 B, 14 KB, 3.2 MB. */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return en.attachments.bytes(bytes);
  if (bytes < 1024 * 1024) return en.attachments.kilobytes(String(Math.round(bytes / 1024)));
  const megabytes = bytes / 1024 / 1024;
  return en.attachments.megabytes(megabytes < 10 ? megabytes.toFixed(1) : String(Math.round(megabytes)));
}
