import { renderBlocks, subjectLine, type Block, type MailContent, type RequestFacts } from './mail-layout.ts';

/** The moves a requester is told of; the others (acknowledged, in progress, closing a resolved request) are not worth a mail. */
export type ToldStatus = 'resolved' | 'waiting_on_requester' | 'closed';

export interface StatusFacts {
  request: RequestFacts;
  status: ToldStatus;
  /** What the agent (or Hallway) said with the change: the resolution, the question, why it was closed. */
  note: string | null;
  preferencesUrl: string;
}

const HEADLINES: Record<ToldStatus, (facts: StatusFacts) => string> = {
  resolved: ({ request }) => `${request.teamName} has resolved your request ${request.key}, "${request.subject}".`,
  waiting_on_requester: ({ request }) => `${request.teamName} needs something from you to go on with ${request.key}, "${request.subject}".`,
  closed: ({ request }) => `Your request ${request.key}, "${request.subject}", was closed.`,
};

const PREFIXES: Record<ToldStatus, string> = { resolved: 'Resolved: ', waiting_on_requester: 'Waiting for you: ', closed: 'Closed: ' };

/** A status change the requester should hear about, with what comes next. */
export function composeStatus(facts: StatusFacts): MailContent {
  const { request } = facts;
  const blocks: Block[] = [{ paragraph: HEADLINES[facts.status](facts) }];
  if (facts.note) blocks.push({ quote: facts.note });
  if (facts.status === 'resolved') {
    blocks.push({ paragraph: 'If this did not solve it, open the request and choose Reopen. Otherwise there is nothing to do: it will be closed.' });
  } else if (facts.status === 'waiting_on_requester') {
    blocks.push({ paragraph: 'Reply to this mail to answer; the work goes on as soon as your answer arrives.' });
  } else {
    blocks.push({ paragraph: 'A closed request cannot change. If you still need help, ask again and mention the key.' });
  }
  blocks.push({ link: request.url, label: `Open ${request.key}` });
  return {
    subject: subjectLine(PREFIXES[facts.status], request),
    ...renderBlocks(blocks, `You get this mail because you asked ${request.teamName} for help. Choose which mails you get: ${facts.preferencesUrl}`),
  };
}
