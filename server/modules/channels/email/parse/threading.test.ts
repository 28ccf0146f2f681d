import { describe, expect, it } from 'vitest';
import type { ParsedMail } from './parse-mail.ts';
import { threadingHints } from './threading.ts';

function mail(overrides: Partial<ParsedMail>): ParsedMail {
  return {
    messageId: 'new@corp.example', inReplyTo: null, references: [], from: { address: 'ann@corp.example', name: null }, replyTo: null,
    to: [], cc: [], subject: '', date: null, text: '', safeHtml: null, visibleText: '', attachments: [],
    automated: { kind: 'none', reason: null }, ...overrides,
  };
}

const ours = ['hallway.example', 'IT.Corp.Example'];

describe('threadingHints', () => {
  it('finds a reply token in a plus-address on one of our domains, in To or Cc', () => {
    expect(threadingHints(mail({ to: [{ address: 'it+r-k3x9q2ab@hallway.example', name: null }] }), ours).replyToken).toBe('k3x9q2ab');
    const cc = mail({ to: [{ address: 'bob@corp.example', name: null }], cc: [{ address: 'help+r-zz_99-aa@it.corp.example', name: null }] });
    expect(threadingHints(cc, ours).replyToken).toBe('zz_99-aa');
  });

  it('ignores plus-addresses on other domains and plus-details that are not reply tokens', () => {
    expect(threadingHints(mail({ to: [{ address: 'it+r-k3x9q2ab@elsewhere.example', name: null }] }), ours).replyToken).toBeNull();
    expect(threadingHints(mail({ to: [{ address: 'it+newsletter@hallway.example', name: null }] }), ours).replyToken).toBeNull();
    expect(threadingHints(mail({ to: [{ address: 'it+r-ab@hallway.example', name: null }] }), ours).replyToken).toBeNull();
  });

  it('lists In-Reply-To first, then References newest first, each once', () => {
    const reply = mail({ inReplyTo: 'c@x', references: ['a@x', 'b@x', 'c@x'] });
    expect(threadingHints(reply, ours).referencedIds).toEqual(['c@x', 'b@x', 'a@x']);
    expect(threadingHints(mail({}), ours).referencedIds).toEqual([]);
  });

  it('reads a bracketed request key from the subject, never the "Re:" text', () => {
    expect(threadingHints(mail({ subject: 'Re: [IT-42] Printer jammed' }), ours).subjectKey).toBe('IT-42');
    expect(threadingHints(mail({ subject: 'AW: [ it-7 ] Drucker' }), ours).subjectKey).toBe('IT-7');
    expect(threadingHints(mail({ subject: 'Re: Printer jammed' }), ours).subjectKey).toBeNull();
    expect(threadingHints(mail({ subject: 'About IT-42 without brackets' }), ours).subjectKey).toBeNull();
    expect(threadingHints(mail({ subject: '[IT-0] not a request number' }), ours).subjectKey).toBeNull();
  });
});
