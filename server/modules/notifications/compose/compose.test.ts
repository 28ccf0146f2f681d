import { describe, expect, it } from 'vitest';
import { kindEnabled } from '../notification-kinds.ts';
import { toldStatus } from '../notifications.reaction.ts';
import { composeAcknowledgement } from './acknowledgement.ts';
import { composeApproval } from './approval.ts';
import { subjectLine, whenInZone } from './mail-layout.ts';
import { composeReply } from './reply.ts';
import { composeStatus } from './status.ts';

// The words of each mail, as pure functions: what a recipient reads, and nothing they must not.

const request = { key: 'IT-42', subject: 'Laptop <b>won\'t</b> boot', teamName: 'IT & Facilities', url: 'https://hallway.test/requests/IT-42' };
const preferencesUrl = 'https://hallway.test/profile#notifications';

describe('composers', () => {
  it('acknowledgement: promises the due time in the reader\'s zone, or says it waits for approval', () => {
    const due = composeAcknowledgement({ request, recipientName: 'Emma', recipientTimeZone: 'Europe/Paris', dueAt: new Date('2026-03-02T10:00:00Z'), waitsForApproval: false, channel: 'portal', preferencesUrl });
    expect(due.subject).toBe("Received: [IT-42] Laptop <b>won't</b> boot");
    expect(due.text).toContain('IT & Facilities aims to get back to you by 2 Mar 2026, 11:00 (Europe/Paris).');
    expect(due.html).toContain('Laptop &lt;b&gt;won&#39;t&lt;/b&gt; boot');
    expect(due.html).toContain('IT &amp; Facilities');
    expect(due.html).not.toContain('<b>');
    const waiting = composeAcknowledgement({ request, recipientName: 'Emma', recipientTimeZone: 'UTC', dueAt: null, waitsForApproval: true, channel: 'email', preferencesUrl });
    expect(waiting.text).toContain('needs an approval first');
    expect(waiting.text).toContain('reply to this mail');
  });

  it('reply: the comment as written, once, without history', () => {
    const mail = composeReply({ request, authorName: 'Alan', body: 'Line one\nLine <two>', preferencesUrl });
    expect(mail.subject).toBe("Re: [IT-42] Laptop <b>won't</b> boot");
    expect(mail.text.match(/Line one/g)).toHaveLength(1);
    expect(mail.html).toContain('Line one<br>\nLine &lt;two&gt;');
  });

  it('status: resolved says how to reopen; closed says a closed request cannot change', () => {
    expect(composeStatus({ request, status: 'resolved', note: 'New disk', preferencesUrl }).text).toMatch(/New disk[\s\S]*choose Reopen/);
    expect(composeStatus({ request, status: 'closed', note: null, preferencesUrl }).text).toContain('cannot change');
  });

  it('approval: both links, and an escaped link in the HTML', () => {
    const mail = composeApproval({ request, requesterName: 'Chloe', role: 'as its approver', approveUrl: 'https://h.test/approvals/decide#a.b', rejectUrl: 'https://h.test/approvals/decide#c.d', approvalsUrl: 'https://h.test/approvals', expiresAt: 'soon' });
    expect(mail.text).toContain('Approve: https://h.test/approvals/decide#a.b');
    expect(mail.text).toContain('Reject: https://h.test/approvals/decide#c.d');
    expect(mail.html).toContain('href="https://h.test/approvals/decide#a.b"');
  });

  it('subjects stay on one line whatever the request subject holds', () => {
    expect(subjectLine('Re: ', { key: 'IT-1', subject: 'Hello\r\nBcc: victim@evil.test' })).toBe('Re: [IT-1] Hello Bcc: victim@evil.test');
  });

  it('times fall back to UTC for a zone the runtime does not know', () => {
    expect(whenInZone(new Date('2026-03-02T10:00:00Z'), 'Mars/Olympus')).toBe('2 Mar 2026, 10:00 (UTC)');
  });
});

describe('which status moves are mailed', () => {
  it('resolved and waiting always; closed only when it was not resolved first', () => {
    expect(toldStatus({ status: 'in_progress' }, { data: { to: 'resolved' } })).toBe('resolved');
    expect(toldStatus({ status: 'acknowledged' }, { data: { to: 'waiting_on_requester' } })).toBe('waiting_on_requester');
    expect(toldStatus({ status: 'pending_approval' }, { data: { to: 'closed' } })).toBe('closed');
    expect(toldStatus({ status: 'resolved' }, { data: { to: 'closed' } })).toBeNull();
    expect(toldStatus({ status: 'new' }, { data: { to: 'in_progress' } })).toBeNull();
  });
});

describe('preferences', () => {
  it('a choice overrides the default, except for an always-on kind', () => {
    expect(kindEnabled('reply', new Map())).toBe(true);
    expect(kindEnabled('reply', new Map([['reply', false]]))).toBe(false);
    expect(kindEnabled('approval', new Map([['approval', false]]))).toBe(true);
  });
});
