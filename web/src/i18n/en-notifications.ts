// The words of the profile's mail notifications section and of the one-click approval page.

type NotificationKind = 'acknowledgement' | 'reply' | 'status' | 'approval' | 'sla-warning';

export const notifications = {
  title: 'Mail I get',
  intro: 'Hallway writes to you about your requests and the work waiting on you. Choose what you want by e-mail.',
  kinds: {
    acknowledgement: { label: 'We have your request', description: 'When you ask for help: the key, who has it and when to expect an answer.' },
    reply: { label: 'Replies', description: 'When someone from the team answers you on a request.' },
    status: { label: 'Status changes', description: 'When your request is resolved, closed, or waits for something from you.' },
    approval: { label: 'Approvals', description: 'When a request waits for your decision, with links to approve or reject.' },
    'sla-warning': { label: 'Service-level warnings', description: 'For agents and leads: a request you work on is close to its due time.' },
  } satisfies Record<NotificationKind, { label: string; description: string }>,
  alwaysOn: 'Always sent: the request waits for you.',
  defaultNote: (enabled: boolean) => (enabled ? 'On unless you turn it off.' : 'Off unless you turn it on.'),
  saving: 'Saving…',
  saved: (label: string, enabled: boolean) => `${label}: ${enabled ? 'on' : 'off'}. Saved.`,
  failed: 'Your choice was not saved.',
  decide: {
    title: 'Decide an approval',
    approveTitle: 'Approve this request?',
    rejectTitle: 'Reject this request?',
    intro: 'You opened a link from an approval mail. Nothing is decided until you confirm here.',
    expires: (when: string) => `The link works until ${when}.`,
    comment: 'Comment for the requester',
    commentRequired: 'Say why, so the requester knows what to do next.',
    approve: 'Approve',
    reject: 'Reject',
    approved: (key: string, subject: string) => `Approved: ${key}, “${subject}”. The team can start.`,
    rejected: (key: string, subject: string) => `Rejected: ${key}, “${subject}”. The requester is told why.`,
    badLink: 'This link is not complete. Open it again from the mail, or decide in Hallway under Approvals.',
    expired: 'This link has expired. Decide in Hallway under Approvals instead.',
    toApprovals: 'Go to my approvals',
  },
};
