import { renderBlocks, subjectLine, whenInZone, type MailContent, type RequestFacts } from './mail-layout.ts';

export interface SlaWarningFacts {
  request: RequestFacts;
  /** 'first_response', 'next_response', 'resolution'. */
  metric: string;
  dueAt: Date | null;
  recipientTimeZone: string;
  /** The request has no assignee: the mail goes to the team's leads. */
  unassigned: boolean;
  preferencesUrl: string;
}

const METRIC_WORDS: Record<string, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

/** A clock reached its warning share: to the assignee, or the leads of an unassigned request. */
export function composeSlaWarning(facts: SlaWarningFacts): MailContent {
  const { request } = facts;
  const metric = METRIC_WORDS[facts.metric] ?? facts.metric.replaceAll('_', ' ');
  const due = facts.dueAt ? `by ${whenInZone(facts.dueAt, facts.recipientTimeZone)}` : 'soon';
  return {
    subject: subjectLine(`SLA warning, ${metric} due: `, request),
    ...renderBlocks(
      [
        { paragraph: `The ${metric} of ${request.key}, "${request.subject}", is due ${due}.` },
        {
          paragraph: facts.unassigned
            ? `Nobody in ${request.teamName} is assigned to it; as a lead, please find someone.`
            : 'It is assigned to you.',
        },
        { link: request.url, label: `Open ${request.key}` },
      ],
      `You get this mail because you work for ${request.teamName}. Choose which mails you get: ${facts.preferencesUrl}`,
    ),
  };
}
