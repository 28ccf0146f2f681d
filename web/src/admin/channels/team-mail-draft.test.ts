import { describe, expect, it } from 'vitest';
import { draftFromTeamMail, mailFieldMessages, teamMailBodyFrom } from './team-mail-draft.ts';

const saved = {
  inboundAddress: 'it@example.test',
  unknownSenderRule: 'reject' as const,
  imap: { enabled: false, host: 'imap.example.test', port: 143, tls: false, user: 'it', passwordEnv: 'HALLWAY_IT_PW', mailbox: 'Support', polledAt: null, lastError: 'login refused' },
};

describe('team mail settings in the form', () => {
  it('starts a team without mail with an empty address, holding strangers, and no mailbox', () => {
    const draft = draftFromTeamMail(null);
    expect(draft).toMatchObject({ inboundAddress: '', unknownSenderRule: 'hold', useImap: false });
    expect(teamMailBodyFrom(draft).imap).toBeNull();
  });

  it('gives back what was saved, unchanged, when nothing is edited', () => {
    const { polledAt: _p, lastError: _e, ...imap } = saved.imap;
    expect(teamMailBodyFrom(draftFromTeamMail(saved))).toEqual({ inboundAddress: saved.inboundAddress, unknownSenderRule: 'reject', imap });
  });

  it('keeps the typed mailbox while switched off, and sends none', () => {
    const draft = { ...draftFromTeamMail(saved), useImap: false };
    expect(teamMailBodyFrom(draft).imap).toBeNull();
    expect(teamMailBodyFrom({ ...draft, useImap: true }).imap?.host).toBe('imap.example.test');
  });

  it('trims what was typed and reads the port as a number', () => {
    const draft = draftFromTeamMail(null);
    const body = teamMailBodyFrom({
      ...draft,
      inboundAddress: '  help@example.test ',
      useImap: true,
      imap: { ...draft.imap, host: ' imap.example.test ', port: ' 994 ', user: ' help ', passwordEnv: ' HELP_PW ', mailbox: ' ' },
    });
    expect(body).toEqual({
      inboundAddress: 'help@example.test',
      unknownSenderRule: 'hold',
      imap: { enabled: true, host: 'imap.example.test', port: 994, tls: true, user: 'help', passwordEnv: 'HELP_PW', mailbox: 'INBOX' },
    });
  });

  it('sends a port that is not a number as typed, for the server to name', () => {
    const draft = draftFromTeamMail(saved);
    expect(teamMailBodyFrom({ ...draft, imap: { ...draft.imap, port: 'abc' } }).imap?.port).toBe('abc');
  });

  it('places the server’s messages on the form’s fields', () => {
    expect(mailFieldMessages([{ field: 'body.imap.passwordEnv', reason: 'must name an environment variable' }, { field: 'params.slug', reason: 'x' }])).toEqual({
      'imap.passwordEnv': 'must name an environment variable',
    });
  });
});
