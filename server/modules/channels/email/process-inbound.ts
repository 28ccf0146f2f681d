import type { Queryable } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { attachToRequest } from '../../attachments/attachments.service.ts';
import { findPersonByEmail, findTeamById, membershipsOfPerson, type PersonRow } from '../../people/people.service.ts';
import { addComment, createRequest, findRequestForHallway } from '../../requests/requests.service.ts';
import type { RequestActor } from '../../requests/requests.policy.ts';
import { findThread } from './find-thread.ts';
import { insertThreadId, recordOutcome, selectInboundMessage, type InboundOutcome } from './inbound.store.ts';
import { normaliseMessageId } from './message-key.ts';
import { MailParseError, parseMail, type ParsedMail } from './parse/parse-mail.ts';
import { threadingHints } from './parse/threading.ts';
import { ourMailDomains } from './team-addresses.ts';
import { decideForStranger } from './unknown-sender.ts';

// What a stored message becomes (decision 0020), run by the `email.process` timer in its transaction:
// a public comment on the request it continues, a new request for the team, or a recorded reason why
// not (automated, held, rejected, failed). Whatever happens, the raw message stays.

const SUBJECT_LIMIT = 300;
const TEXT_LIMIT = 20_000;

export async function processInboundMessage(tx: Queryable, inboundMessageId: string): Promise<InboundOutcome | undefined> {
  const message = await selectInboundMessage(tx, inboundMessageId, { lock: true });
  // Processed already (a repeated timer, or reprocessed meanwhile): nothing to do twice.
  if (!message || message.status !== 'received') return undefined;
  const outcome = await decide(tx, message.teamId, message.envelopeFrom, message.envelopeTo, message.raw);
  await recordOutcome(tx, message.id, outcome);
  return outcome;
}

async function decide(tx: Queryable, teamId: string, envelopeFrom: string | null, envelopeTo: string[], raw: Buffer): Promise<InboundOutcome> {
  let mail: ParsedMail;
  try {
    mail = await parseMail(raw);
  } catch (error) {
    if (error instanceof MailParseError) return { status: 'failed', statusReason: error.message };
    throw error;
  }
  // Recognised and kept, never answered and never a request: no mail loop can start here.
  if (mail.automated.kind !== 'none') {
    return { status: 'processed', automatedKind: mail.automated.kind, statusReason: mail.automated.reason ?? `automated mail (${mail.automated.kind})` };
  }
  if (!mail.from?.address) return { status: 'held', statusReason: 'the message has no sender address' };
  let sender = await findPersonByEmail(tx, mail.from.address);
  if (!sender?.active) {
    const decision = await decideForStranger(tx, { teamId, sender: mail.from, known: sender, mail, envelopeFrom });
    if ('outcome' in decision) return decision.outcome;
    sender = decision.person;
  }
  const actor = await actorOf(tx, sender);

  // The envelope's recipients too: a reply token may be only in RCPT TO (a Bcc, a relay's rewrite).
  const addressed = { ...mail, to: [...mail.to, ...envelopeTo.map((address) => ({ address: address.toLowerCase(), name: null }))] };
  const thread = await findThread(tx, threadingHints(addressed, await ourMailDomains(tx)), teamId);
  const body = clean(mail.visibleText.trim() || mail.text.trim() || '(no text)', TEXT_LIMIT);
  if (thread) {
    const commented = await commentIfAllowed(tx, actor, thread.key, body);
    if (commented) {
      const refused = await attachFiles(tx, actor, thread.key, mail);
      await rememberMessageId(tx, mail, thread.requestId);
      return { status: 'processed', requestId: thread.requestId, eventId: commented, statusReason: withRefusedFiles(`reply found by ${thread.by}`, refused) };
    }
  }
  const team = await findTeamById(tx, teamId);
  if (!team) throw new Error('the team of this message no longer exists');
  const subject = clean(mail.subject.trim(), SUBJECT_LIMIT) || '(no subject)';
  const filed = await createRequest(tx, actor, { team: team.slug, subject, description: body, channel: 'email' });
  const request = await findRequestForHallway(tx, { key: filed.body.key });
  if (!request) throw new Error('the request just filed cannot be read back');
  const refused = await attachFiles(tx, actor, request.key, mail);
  await rememberMessageId(tx, mail, request.id);
  const reason = thread ? `new request: the sender may not reply on ${thread.key}` : null;
  return { status: 'processed', requestId: request.id, statusReason: withRefusedFiles(reason, refused) };
}

/** The event id of the comment, or null when the sender may not comment there (not theirs, closed). */
async function commentIfAllowed(tx: Queryable, actor: RequestActor, key: string, body: string): Promise<number | null> {
  try {
    const { event } = await addComment(tx, actor, key, { body, visibility: 'public' });
    return Number(event.id);
  } catch (error) {
    if (error instanceof AppError && ['FORBIDDEN', 'REQUEST_CLOSED', 'REQUEST_NOT_FOUND'].includes(error.code)) return null;
    throw error;
  }
}

async function actorOf(tx: Queryable, person: PersonRow): Promise<RequestActor> {
  const memberships = await membershipsOfPerson(tx, person.id);
  return { personId: person.id, name: person.name, isAdmin: person.isAdmin, memberships: memberships.map((m) => ({ teamId: m.id, role: m.role })) };
}

/** Adds the mail's files; the names of those the attachments service refused (empty, too large). */
async function attachFiles(tx: Queryable, actor: RequestActor, key: string, mail: ParsedMail): Promise<string[]> {
  const refused: string[] = [];
  for (const file of mail.attachments) {
    try {
      await tx.transaction((attempt) => attachToRequest(attempt, actor, key, 'public', { fileName: file.fileName, contentType: file.contentType, content: file.content }));
    } catch (error) {
      if (!(error instanceof AppError) || !['BODY_TOO_LARGE', 'VALIDATION_FAILED'].includes(error.code)) throw error;
      refused.push(file.fileName);
    }
  }
  return refused;
}

function withRefusedFiles(reason: string | null, refused: string[]): string | null {
  if (refused.length === 0) return reason;
  const files = `files not attached (empty or too large): ${refused.join(', ')}`;
  return reason ? `${reason}; ${files}` : files;
}

async function rememberMessageId(tx: Queryable, mail: ParsedMail, requestId: string): Promise<void> {
  const messageId = normaliseMessageId(mail.messageId);
  if (messageId) await insertThreadId(tx, messageId, requestId, 'in');
}

/** Without NUL characters (PostgreSQL text refuses them), within the column's limit. */
function clean(text: string, limit: number): string {
  return text.replaceAll('\u0000', '').slice(0, limit);
}
