import { renderBlocks, subjectLine, type MailContent, type RequestFacts } from './mail-layout.ts';

export interface ReplyFacts {
  request: RequestFacts;
  authorName: string;
  /** The public comment as written: only this reply, no quoted history, so nothing is said twice. */
  body: string;
  preferencesUrl: string;
}

/** An agent's public reply, to the requester. */
export function composeReply(facts: ReplyFacts): MailContent {
  const { request } = facts;
  return {
    subject: subjectLine('Re: ', request),
    ...renderBlocks(
      [
        { paragraph: `${facts.authorName} (${request.teamName}) wrote on ${request.key}:` },
        { quote: facts.body },
        { paragraph: 'Reply to this mail to answer; your answer is added to the request.' },
        { link: request.url, label: `Open ${request.key}` },
      ],
      `You get this mail because you asked ${request.teamName} for help. Choose which mails you get: ${facts.preferencesUrl}`,
    ),
  };
}
