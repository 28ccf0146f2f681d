import { AppError } from '../../platform/http/errors.ts';
import type { RequestReaction } from '../requests/request-reactions.ts';
import * as store from './attachments.store.ts';

/**
 * A request filed through a service with file answers claims those uploads, in the filing's
 * transaction: they now belong to the request (public, like the answers) and no longer expire.
 * The intake checked that each one is the filer's own unclaimed upload; if another filing claimed
 * one meanwhile, this one fails whole rather than keep an answer nobody can open.
 */
export const attachmentsReaction: RequestReaction = async (tx, change) => {
  if (change.before !== null || !change.after.answers || !change.actorId) return;
  const { answers, labels } = change.after.answers;
  const fields = Object.keys(answers).filter((name) => labels[name]?.type === 'file');
  if (fields.length === 0) return;
  const ids = fields.map((name) => String(answers[name]));
  const claimed = new Set(await store.linkUploads(tx, change.actorId, ids, change.after.id, change.at));
  const lost = fields.filter((name) => !claimed.has(String(answers[name])));
  if (lost.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      lost.map((name) => `body.answers.${name}: the upload was used by another request meanwhile`).join('; '),
      lost.map((name) => ({ field: `body.answers.${name}`, reason: 'is not an upload of yours that is still unused' })),
    );
  }
};
