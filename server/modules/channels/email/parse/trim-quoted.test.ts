import { describe, expect, it } from 'vitest';
import { FORWARDED_SUBJECT, trimQuotedText } from './trim-quoted.ts';

const history = 'Please restart it.\n\nHelpdesk';

describe('trimQuotedText', () => {
  it.each([
    ['Gmail', 'On Mon, 2 Nov 2026 at 09:14, IT Help <it@hallway.example> wrote:'],
    ['Gmail, attribution wrapped', 'On Mon, 2 Nov 2026 at 09:14, IT Help Desk of the Corporation <\nit+r-k3x9q2ab@hallway.example> wrote:'],
    ['Apple Mail', 'On 2 Nov 2026, at 09:14, IT Help <it@hallway.example> wrote:'],
    ['Thunderbird', 'On 02/11/2026 09:14, IT Help wrote:'],
    ['German', 'Am Mo., 2. Nov. 2026 um 09:14 Uhr schrieb IT Help <it@hallway.example>:'],
    ['French', 'Le lun. 2 nov. 2026 à 09:14, IT Help <it@hallway.example> a écrit :'],
    ['Outlook desktop', '-----Original Message-----\nFrom: IT Help\nSent: Monday, November 2, 2026 9:14 AM'],
    ['Outlook header block', 'From: IT Help <it@hallway.example>\nSent: Monday, November 2, 2026 9:14 AM\nTo: Ann Example\nSubject: RE: Printer'],
    ['Outlook on the web', '________________________________\nFrom: IT Help <it@hallway.example>'],
    ['German Outlook', 'Von: IT Help <it@hallway.example>\nGesendet: Montag, 2. November 2026 09:14\nAn: Ann\nBetreff: Drucker'],
  ])('cuts %s history', (_client, marker) => {
    const text = `It works now, thanks!\n\n${marker}\n> ${history.replace(/\n/g, '\n> ')}`;
    expect(trimQuotedText(text)).toBe('It works now, thanks!');
  });

  it('cuts the RFC 3676 signature and phone footers', () => {
    expect(trimQuotedText('Done.\n\n-- \nAnn Example\nFinance')).toBe('Done.');
    expect(trimQuotedText('Done.\n\nSent from my iPhone')).toBe('Done.');
    expect(trimQuotedText('Erledigt.\n\nVon meinem iPhone gesendet')).toBe('Erledigt.');
    expect(trimQuotedText('Done.\n\nGet Outlook for Android')).toBe('Done.');
  });

  it('keeps the answers of an interleaved reply and drops the quotes between them', () => {
    const text = '> Which floor?\nThird floor.\n> Which model?\nHP 4250.';
    expect(trimQuotedText(text)).toBe('Third floor.\nHP 4250.');
  });

  it('keeps forwarded messages, and text that merely mentions a marker word', () => {
    const forwarded = 'FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Vendor <sales@vendor.example>\nSubject: Renewal\n\nYour licence expires.';
    expect(trimQuotedText(forwarded)).toBe(forwarded);
    const prose = 'On Monday the VPN dropped twice and I wrote: nothing helped, so I restarted.';
    expect(trimQuotedText(prose)).toBe(prose);
    const wrappedProse = 'On Monday I asked again.\nThen the admin wrote:\nit is fixed';
    expect(trimQuotedText(wrappedProse)).toBe(wrappedProse);
  });

  it('keeps a forward whole: Outlook forwards look exactly like reply history', () => {
    const outlookForward = 'Please renew.\n\n________________________________\nFrom: Leasing <x@leasing.example>\nSent: Friday\nTo: Yara\nSubject: Renewal\n\nContract ends.';
    expect(trimQuotedText(outlookForward, { forwarded: true })).toBe(outlookForward);
    expect(trimQuotedText(outlookForward)).toBe('Please renew.');
    for (const subject of ['Fwd: Renewal', 'FW: Renewal', 'WG: Vertrag', 'TR : Contrat', 'Re: Fwd: Renewal']) expect(FORWARDED_SUBJECT.test(subject)).toBe(true);
    for (const subject of ['Re: Renewal', 'Forward planning', 'Fwdx: nothing']) expect(FORWARDED_SUBJECT.test(subject)).toBe(false);
  });

  it('keeps the whole text when trimming would leave nothing', () => {
    const onlyQuote = 'On Mon, 2 Nov 2026 at 09:14, IT Help <it@hallway.example> wrote:\n> Is it fixed?';
    expect(trimQuotedText(onlyQuote)).toBe(onlyQuote);
    expect(trimQuotedText('-- \nAnn')).toBe('-- \nAnn');
  });
});
