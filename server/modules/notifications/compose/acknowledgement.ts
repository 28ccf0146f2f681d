import { renderBlocks, subjectLine, whenInZone, type Block, type MailContent, type RequestFacts } from './mail-layout.ts';

export interface AcknowledgementFacts {
  request: RequestFacts;
  recipientName: string;
  recipientTimeZone: string;
  /** The earliest due instant of the request's SLA clocks, when it has any running. */
  dueAt: Date | null;
  /** Filed through a service that needs approval first. */
  waitsForApproval: boolean;
  /** How it was filed: an e-mail gets told that replying to this mail adds to the request. */
  channel: string;
  preferencesUrl: string;
}

/** "We have your request": its key, who has it, what happens next, and where to follow it. */
export function composeAcknowledgement(facts: AcknowledgementFacts): MailContent {
  const { request } = facts;
  const blocks: Block[] = [
    { paragraph: `Hello ${facts.recipientName},` },
    { paragraph: `${request.teamName} has your request ${request.key}, "${request.subject}".` },
  ];
  if (facts.waitsForApproval) {
    blocks.push({ paragraph: 'It needs an approval first; work starts as soon as it is approved, and we will tell you what is decided.' });
  } else if (facts.dueAt) {
    blocks.push({ paragraph: `${request.teamName} aims to get back to you by ${whenInZone(facts.dueAt, facts.recipientTimeZone)}.` });
  } else {
    blocks.push({ paragraph: `Someone from ${request.teamName} will look at it and get back to you.` });
  }
  blocks.push({
    paragraph:
      facts.channel === 'email'
        ? 'To add something, reply to this mail; keep the request key in the subject.'
        : 'To add something, reply to this mail or write on the request page.',
  });
  blocks.push({ link: request.url, label: `Open ${request.key}` });
  return {
    subject: subjectLine('Received: ', request),
    ...renderBlocks(blocks, `You get this mail because you asked ${request.teamName} for help. Choose which mails you get: ${facts.preferencesUrl}`),
  };
}
