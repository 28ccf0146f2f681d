import type { Database, Queryable } from '../../../../platform/db/database.ts';
import { linkTo } from '../../../../platform/http/public-url.ts';
import { findPersonByEmail, type PersonRow } from '../../../people/people.service.ts';
import { findRequestForHallway } from '../../../requests/requests.service.ts';
import { actorOfPerson, commentFromChannel, fileFromChannel, subjectOf } from '../sms/chat-app-inbound.ts';
import { channelThreadsAt, findInboundReceipt, receiptRequest, recordInboundReceipt, type ConnectionRow } from '../connections.service.ts';
import { identityLinkFor, identityLinkSecret, personLinkedTo } from '../identities/identities.service.ts';
import { linkCodeIn } from '../identities/link-codes.ts';
import { proveLinkCode, type LinkCodeOutcome } from '../identities/prove-link-code.ts';
import { externalUserIdOf, identityOf, messageTextOf, type TeamsActivity } from './teams-activity.ts';
import { whileHandlingTeamsMessage } from './teams-echo-guard.ts';
import { escapeMarkdown } from './teams-outbound.ts';

export type TeamsOutcome =
  | { kind: 'repeat'; key: string | null }
  | { kind: 'unlinked'; linkUrl: string }
  | { kind: 'link-code'; result: LinkCodeOutcome }
  | { kind: 'empty' }
  | { kind: 'filed'; key: string; subject: string; linkedAs?: string }
  | { kind: 'commented'; key: string; linkedAs?: string }
  | { kind: 'not-allowed'; key: string };

/**
 * One verified message from a Teams channel, in one transaction with its receipt (the activity id):
 * a repeat changes nothing. In a conversation already linked to a request it is the writer's public
 * comment there (the requests policy decides whether they may); a closed request's conversation, or
 * a new one, files a request for the connection's team.
 */
export async function receiveTeamsMessage(database: Database, connection: ConnectionRow, activity: TeamsActivity): Promise<TeamsOutcome> {
  // Read before the transaction (cached after the first call): see identityLinkFor.
  const linkSecret = await identityLinkSecret(database.db);
  return whileHandlingTeamsMessage(connection.id, () => database.db.transaction(async (tx) => {
    if (!(await recordInboundReceipt(tx, connection.id, activity.id))) {
      const requestId = (await findInboundReceipt(tx, connection.id, activity.id))?.requestId;
      const request = requestId ? await findRequestForHallway(tx, { id: requestId }) : undefined;
      return { kind: 'repeat', key: request?.key ?? null };
    }
    // `link <code>` proves a link asked for on the page; it is never filed, whoever writes it.
    const code = linkCodeIn(messageTextOf(activity));
    if (code) return { kind: 'link-code', result: await proveLinkCode(tx, { connectionId: connection.id, externalUserId: externalUserIdOf(activity) }, code) };
    const writer = await writerOf(tx, connection, activity);
    if (!writer) {
      // Nothing is filed and the words are not kept: the person writes again once linked.
      const linkUrl = identityLinkFor(linkSecret, connection, { id: externalUserIdOf(activity), name: activity.from.name?.trim() || null });
      return { kind: 'unlinked', linkUrl };
    }
    const { person, linkedAs } = writer;
    const text = messageTextOf(activity);
    if (text === '') return { kind: 'empty' };
    const actor = await actorOfPerson(tx, person);

    const linked = await linkedOpenRequest(tx, connection.id, activity.conversation.id);
    if (linked) {
      if (!(await commentFromChannel(tx, actor, linked.key, text))) return { kind: 'not-allowed', key: linked.key };
      await receiptRequest(tx, connection.id, activity.id, linked.id);
      return { kind: 'commented', key: linked.key, linkedAs };
    }
    const filed = await fileFromChannel(tx, actor, connection, { text, channel: 'teams', externalThread: activity.conversation.id });
    await receiptRequest(tx, connection.id, activity.id, filed.id);
    return { kind: 'filed', key: filed.key, subject: subjectOf(text), linkedAs };
  }));
}

/**
 * Who wrote: the person who linked this Teams account to themselves, else an e-mail address Teams
 * itself put in the signed activity. `linkedAs` names a linked person, so the answer says whom
 * Hallway took them for (the channel would notice a link someone else made with their link).
 */
async function writerOf(tx: Queryable, connection: ConnectionRow, activity: TeamsActivity): Promise<{ person: PersonRow; linkedAs?: string } | undefined> {
  const linked = await personLinkedTo(tx, connection.id, externalUserIdOf(activity));
  if (linked) return { person: linked, linkedAs: linked.name };
  const address = identityOf(activity);
  const person = address ? await findPersonByEmail(tx, address) : undefined;
  return person?.active ? { person } : undefined;
}

/** The newest request this conversation is linked to, unless it is closed (then a new one is filed). */
async function linkedOpenRequest(tx: Queryable, connectionId: string, conversationId: string) {
  const threads = await channelThreadsAt(tx, connectionId, conversationId);
  const [newest] = threads.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (!newest) return undefined;
  const request = await findRequestForHallway(tx, { id: newest.requestId });
  return request && request.status !== 'closed' ? request : undefined;
}

/** What Hallway answers in the channel, at once (Teams waits at most 5 s for it). */
export function teamsAnswerText(outcome: TeamsOutcome): string {
  const link = (key: string) => linkTo(`/requests/${key}`);
  switch (outcome.kind) {
    case 'filed':
      return `Filed **${outcome.key}**${asWhom(outcome.linkedAs)}: ${escapeMarkdown(outcome.subject)}. The team's replies will be posted in this channel; reply in this thread to add to it. [Open ${outcome.key}](${link(outcome.key)})`;
    case 'commented':
      return `Added to **${outcome.key}**${asWhom(outcome.linkedAs)}. [Open ${outcome.key}](${link(outcome.key)})`;
    case 'repeat':
      return outcome.key ? `Already received: **${outcome.key}**.` : 'Already received.';
    case 'not-allowed':
      return `Only the requester and the team can add to **${outcome.key}**. To ask for yourself, start a new conversation.`;
    case 'empty':
      return 'Write what you need after the mention, and Hallway files it for the team.';
    case 'unlinked':
      return (
        "Hallway doesn't know your Teams account yet, so nothing was filed and your message was not kept. " +
        `[Link your Teams account](${outcome.linkUrl}) (signed in to Hallway, within 30 minutes): the page gives you a code; write \`link\` and the code here ` +
        `from this account, then write your message again. Or ask through the portal (${linkTo('/')}) or by e-mail.`
      );
    case 'link-code':
      return linkCodeAnswer(outcome.result);
  }
}

function linkCodeAnswer(result: LinkCodeOutcome): string {
  switch (result.kind) {
    case 'linked':
      return `Linked to ${escapeMarkdown(result.personName)}. Write your message again, and Hallway files it as ${escapeMarkdown(result.personName)}.`;
    case 'taken':
      return 'This Teams account is already linked to another person in Hallway, so nothing changed. They can unlink it in Hallway.';
    case 'wrong-code':
      return result.claimsDropped
        ? 'That code is not right, so nothing was linked. Too many wrong or late codes: open your link again for a new code.'
        : 'That code is not right, or has expired, so nothing was linked. Check the code on the Hallway page and write it again from this account.';
    case 'no-claim':
      return 'No link is waiting for this Teams account, so nothing was linked. Codes last 15 minutes: open your link again for a new one.';
  }
}

const asWhom = (name: string | undefined) => (name ? ` as ${escapeMarkdown(name)}` : '');
