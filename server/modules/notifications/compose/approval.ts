import { renderBlocks, subjectLine, type MailContent, type RequestFacts } from './mail-layout.ts';

export interface ApprovalFacts {
  request: RequestFacts;
  requesterName: string;
  /** Why this person decides: 'manager' ... in words, e.g. "as their manager". */
  role: string;
  /** Pages of the web app that show the request and POST the signed token; opening them decides nothing. */
  approveUrl: string;
  rejectUrl: string;
  /** The portal's approvals page, for deciding signed in. */
  approvalsUrl: string;
  expiresAt: string;
}

/** An approval waiting: what is asked, and one link to approve and one to reject. */
export function composeApproval(facts: ApprovalFacts): MailContent {
  const { request } = facts;
  return {
    subject: subjectLine('Approval needed: ', request),
    ...renderBlocks(
      [
        { paragraph: `${facts.requesterName} asked ${request.teamName} for "${request.subject}" (${request.key}), and you decide ${facts.role}.` },
        { paragraph: 'Nothing happens until you decide. Each link opens a page where you confirm; a rejection needs a short reason for the requester.' },
        { link: facts.approveUrl, label: 'Approve' },
        { link: facts.rejectUrl, label: 'Reject' },
        { paragraph: `The links work until ${facts.expiresAt}. You can also decide among your approvals in Hallway:` },
        { link: facts.approvalsUrl, label: 'My approvals' },
      ],
      'You get this mail because an approval waits for you. Approval mails cannot be turned off.',
    ),
  };
}
