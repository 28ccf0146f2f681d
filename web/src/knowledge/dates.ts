import { en } from '../i18n/en.ts';

/** A day as people read it on an article, e.g. "26 Nov 2026", in the viewer's zone. */
export function dateWords(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(en.locale, { timeZone, dateStyle: 'medium' }).format(new Date(iso));
}
