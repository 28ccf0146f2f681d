import { canReadArticle, type ArticleFacts } from '../knowledge/articles.policy.ts';
import { canSeeInternal, canView, type RequestActor, type RequestFacts } from '../requests/requests.policy.ts';
import type { AttachmentMeta } from './attachments.store.ts';

/** The largest file Hallway takes (20 MiB): enough for screenshots, PDFs and logs, not for videos. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * Who may open a file. An upload no request has claimed yet is its uploader's alone. A request's
 * file follows the request's timeline: whoever sees the request sees its public files; internal
 * ones only the team's agents, exactly like internal notes. An article's file (an image in it) is
 * for whoever may read the article.
 */
export function canOpenAttachment(actor: RequestActor, attachment: AttachmentMeta, request: RequestFacts | undefined, article?: ArticleFacts): boolean {
  if (attachment.articleId) return article !== undefined && canReadArticle(actor, article);
  if (!attachment.requestId || !request) return attachment.uploadedBy === actor.personId;
  if (!canView(actor, request)) return false;
  return attachment.visibility === 'public' || canSeeInternal(actor, request);
}

// Types a browser may show as they are. Anything else is sent as application/octet-stream, always as
// a download (Content-Disposition: attachment) with nosniff and a sandboxing CSP, so an uploaded
// HTML or SVG file can never run as Hallway's own page.
// Short videos (an article's how-to) play in a <video> element of an article.
const SAFE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv', 'video/mp4', 'video/webm']);

export function servedContentType(declared: string): string {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  return SAFE_TYPES.has(type) ? type : 'application/octet-stream';
}

/**
 * A name safe to store and to send back: no folders, no control characters, no direction marks (a
 * right-to-left override shows "invoice<RLO>fdp.exe" as "invoiceexe.pdf"), at most 255 characters.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const printable = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = printable === '' || printable === '.' || printable === '..' ? 'file' : printable;
  return [...name].slice(0, 255).join('');
}

/** The type as the client declared it, kept only if it looks like a media type. */
export function cleanContentType(raw: string | undefined): string {
  const type = (raw ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type) ? type : 'application/octet-stream';
}
