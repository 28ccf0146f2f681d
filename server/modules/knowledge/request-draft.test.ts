import { describe, expect, it } from 'vitest';
import { draftFromRequest, redactPersonalData } from './request-draft.ts';

// A request becomes an article read by many: nothing personal goes with it.

describe('redacting personal data', () => {
  const names = ['Emma Employee', 'Alan Agent'];

  it('leaves out names, first names and surnames alone, in any case for full names', () => {
    expect(redactPersonalData('Hi Emma, Alan here. EMMA EMPLOYEE asked; emma employee again; Mr Agent agrees.', names)).toBe(
      'Hi [name], [name] here. [name] asked; [name] again; Mr [name] agrees.',
    );
  });

  it('keeps ordinary words that a name part happens to be, when not capitalised', () => {
    expect(redactPersonalData('Will will restart it.', ['Will Smith'])).toBe('[name] will restart it.');
  });

  it('leaves out e-mail addresses and phone numbers', () => {
    expect(redactPersonalData('Mail emma.e+it@corp.example or call +44 20 7946 0958 / (555) 123-4567 / 0612345678.', [])).toBe(
      'Mail [e-mail] or call [phone number] / [phone number] / [phone number].',
    );
  });

  it('keeps dates, times, short numbers, addresses and request keys', () => {
    const text = 'On 2026-11-26 at 10:30 restart 192.168.100.200 port 8443, see IT-42, step 3.';
    expect(redactPersonalData(text, [])).toBe(text);
  });
});

describe('a draft from a request', () => {
  it('has the question, the answer from the resolution and agent replies, nothing personal', () => {
    const draft = draftFromRequest({
      subject: 'VPN drops for Emma every hour',
      description: 'My VPN disconnects hourly. Reach me on +1 415 555 0100 or emma@corp.example.',
      requesterName: 'Emma Employee',
      otherNames: ['Alan Agent'],
      resolutions: ['Renewed the certificate (Alan).'],
      agentReplies: ['Hi Emma, please update the client to 5.2.', ''],
    });
    expect(draft.title).toBe('VPN drops for [name] every hour');
    expect(draft.body).toBe(
      '## Question\n\nMy VPN disconnects hourly. Reach me on [phone number] or [e-mail].\n\n## Answer\n\nRenewed the certificate ([name]).\n\nHi [name], please update the client to 5.2.\n',
    );
  });

  it('says where the answer goes when there is none yet, and falls back to the subject for the question', () => {
    const draft = draftFromRequest({ subject: 'Printer jams', description: '  ', requesterName: 'X Y', otherNames: [], resolutions: [''], agentReplies: [] });
    expect(draft.body).toBe('## Question\n\nPrinter jams\n\n## Answer\n\n_Write the answer here._\n');
  });
});
