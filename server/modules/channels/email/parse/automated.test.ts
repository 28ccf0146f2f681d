import { describe, expect, it } from 'vitest';
import { detectAutomatedMail, type AutomatedMailSignals } from './automated.ts';

function signals(headers: Record<string, string>, overrides: Partial<AutomatedMailSignals> = {}): AutomatedMailSignals {
  return {
    headers: new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value]])),
    fromAddress: 'ann@corp.example',
    subject: 'Printer',
    contentType: 'text/plain',
    contentTypeParams: {},
    ...overrides,
  };
}

describe('detectAutomatedMail', () => {
  it('treats mail from a person as not automated', () => {
    expect(detectAutomatedMail(signals({ 'Auto-Submitted': 'no' }))).toEqual({ kind: 'none', reason: null });
    expect(detectAutomatedMail(signals({ 'Auto-Submitted': 'No (written by a person)' }))).toEqual({ kind: 'none', reason: null });
    expect(detectAutomatedMail(signals({ 'Return-Path': '<ann@corp.example>' }))).toEqual({ kind: 'none', reason: null });
    expect(detectAutomatedMail(signals({ Precedence: 'first-class' }))).toEqual({ kind: 'none', reason: null });
  });

  it('recognises auto-replies by RFC 3834 and the older vacation headers, naming the header', () => {
    expect(detectAutomatedMail(signals({ 'Auto-Submitted': 'auto-replied' }))).toEqual({ kind: 'auto-reply', reason: 'Auto-Submitted: auto-replied (RFC 3834)' });
    expect(detectAutomatedMail(signals({ 'Auto-Submitted': 'auto-generated; owner-email="x@y"' })).kind).toBe('auto-reply');
    expect(detectAutomatedMail(signals({ 'X-Autoreply': 'yes' })).reason).toBe('X-Autoreply: yes');
    expect(detectAutomatedMail(signals({ 'X-Autorespond': 'vacation' })).reason).toBe('X-Autorespond: vacation');
    expect(detectAutomatedMail(signals({ Precedence: 'auto_reply' })).reason).toBe('Precedence: auto_reply');
    expect(detectAutomatedMail(signals({ 'Return-Path': '< >' })).reason).toBe('Return-Path: <> (null sender, RFC 5321)');
  });

  it('does not take X-Auto-Response-Suppress alone, nor an out-of-office subject alone', () => {
    expect(detectAutomatedMail(signals({ 'X-Auto-Response-Suppress': 'All' })).kind).toBe('none');
    expect(detectAutomatedMail(signals({}, { subject: 'Automatic reply: Printer' })).kind).toBe('none');
    const both = detectAutomatedMail(signals({ 'X-Auto-Response-Suppress': 'All' }, { subject: 'Automatic reply: Printer' }));
    expect(both.kind).toBe('auto-reply');
    expect(both.reason).toContain('X-Auto-Response-Suppress');
  });

  it('recognises bounces before auto-replies: a DSN carries Auto-Submitted too', () => {
    const dsn = signals({ 'Auto-Submitted': 'auto-replied' }, { contentType: 'multipart/report', contentTypeParams: { 'report-type': 'delivery-status' } });
    expect(detectAutomatedMail(dsn)).toEqual({ kind: 'bounce', reason: expect.stringContaining('report-type=delivery-status') });
    expect(detectAutomatedMail(signals({ 'X-Failed-Recipients': 'bob@corp.example' })).kind).toBe('bounce');
    expect(detectAutomatedMail(signals({}, { fromAddress: 'MAILER-DAEMON@mx.corp.example'.toLowerCase() })).reason).toContain('mailer-daemon');
    expect(detectAutomatedMail(signals({}, { fromAddress: 'postmaster@corp.example' })).kind).toBe('bounce');
    const otherReport = signals({}, { contentType: 'multipart/report', contentTypeParams: { 'report-type': 'disposition-notification' } });
    expect(detectAutomatedMail(otherReport).kind).toBe('none');
  });

  it('recognises mailing-list mail by RFC 2919 and RFC 2369 headers and bulk precedence', () => {
    expect(detectAutomatedMail(signals({ 'List-Id': 'Facilities <facilities.corp.example>' })).reason).toBe('List-Id: Facilities <facilities.corp.example> (RFC 2919)');
    expect(detectAutomatedMail(signals({ 'List-Unsubscribe': '<mailto:leave@lists.example>' })).reason).toContain('List-Unsubscribe');
    for (const precedence of ['bulk', 'list', 'junk']) {
      expect(detectAutomatedMail(signals({ Precedence: precedence }))).toEqual({ kind: 'list', reason: `Precedence: ${precedence}` });
    }
  });
});
