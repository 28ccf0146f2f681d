import { linkTo } from '../../../../platform/http/public-url.ts';
import { statusText, type StatusNews } from '../sms/chat-app-reaction.ts';

// What Hallway says in Slack. Slack's mrkdwn treats &, < and > as markup, so text that came from
// people is escaped before it goes into a message (Slack, "Formatting text for app surfaces").

export const FOLLOW_ACTION = 'hallway_follow';
export const REPLY_ACTION = 'hallway_reply';
export const REPLY_VIEW = 'hallway_reply';
export const REPLY_BLOCK = 'reply';
export const REPLY_INPUT = 'text';
/** Slack's limit on a section's text is 3,000 characters. */
const SECTION_LIMIT = 2_900;

export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

const requestLink = (key: string) => linkTo(`/requests/${encodeURIComponent(key)}`);

/** Only the person who typed the command sees these. */
export const ephemeral = (text: string) => ({ response_type: 'ephemeral', text });

/**
 * The answer to `/helpdesk <text>`: the new request's key and a Reply button. The person already
 * follows it (slack-commands.ts), and only they see this answer, so it offers no Follow button;
 * Follow stays understood for the buttons of answers given before.
 */
export function filedMessage(key: string, subject: string) {
  const text = `Filed ${key}: ${escapeSlackText(cut(subject, 200))}`;
  return {
    response_type: 'ephemeral',
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: Your request *<${requestLink(key)}|${key}>* is filed: ${escapeSlackText(cut(subject, 200))}\nThe team's replies arrive in your direct messages with this app.`,
        },
      },
      { type: 'actions', elements: [{ type: 'button', action_id: REPLY_ACTION, value: key, text: { type: 'plain_text', text: 'Reply' } }] },
    ],
  };
}

/** The reply form; the request's key travels in private_metadata (Slack returns it unchanged). */
export function replyView(key: string) {
  return {
    type: 'modal',
    callback_id: REPLY_VIEW,
    private_metadata: key,
    title: { type: 'plain_text', text: `Reply on ${cut(key, 14)}` },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REPLY_BLOCK,
        label: { type: 'plain_text', text: 'Your reply (the team sees it on the request)' },
        element: { type: 'plain_text_input', action_id: REPLY_INPUT, multiline: true, max_length: 3000 },
      },
    ],
  };
}

/** The first message of a followed request's thread in the person's direct messages with the app. */
export function followIntro(key: string, subject: string, confidential: boolean): string {
  const about = confidential ? '' : `: ${escapeSlackText(cut(subject, 200))}`;
  return `You follow <${requestLink(key)}|${key}>${about}. The team's replies arrive in this thread; answer in the thread to reply.`;
}

/**
 * An agent's public reply as posted into Slack. A confidential request's words stay in Hallway:
 * Slack workspace owners can export direct messages on some plans, so only a note is posted.
 */
export function replyText(key: string, authorName: string, body: string, confidential: boolean): string {
  if (confidential) return `There is a new reply on <${requestLink(key)}|${key}>. Open it in Hallway to read it.`;
  return `*${escapeSlackText(cut(authorName, 100))}* replied on <${requestLink(key)}|${key}>:\n${escapeSlackText(cut(body, SECTION_LIMIT))}`;
}

/** A status move as posted into a follower's thread; a confidential request's note stays in Hallway, as replies do. */
export function statusNewsText(key: string, news: StatusNews, forRequester: boolean, confidential: boolean): string {
  return `<${requestLink(key)}|${key}>: ${escapeSlackText(cut(statusText(news, { forRequester, quote: !confidential }), SECTION_LIMIT))}`;
}
