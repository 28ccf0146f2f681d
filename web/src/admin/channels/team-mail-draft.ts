import type { ImapSettings, TeamMail, TeamMailBody, UnknownSenderRule } from '../api/channel-types.ts';

// A team's mail settings as the form edits them: every input a string or a switch, the IMAP part
// kept while switched off so nothing typed is lost, and turned into the PUT body on save.

export interface TeamMailDraft {
  inboundAddress: string;
  unknownSenderRule: UnknownSenderRule;
  useImap: boolean;
  imap: { enabled: boolean; host: string; port: string; tls: boolean; user: string; passwordEnv: string; mailbox: string };
}

const emptyImap: TeamMailDraft['imap'] = { enabled: true, host: '', port: '993', tls: true, user: '', passwordEnv: '', mailbox: 'INBOX' };

export function draftFromTeamMail(mail: TeamMail | null): TeamMailDraft {
  if (!mail) return { inboundAddress: '', unknownSenderRule: 'hold', useImap: false, imap: { ...emptyImap } };
  const imap = mail.imap;
  return {
    inboundAddress: mail.inboundAddress,
    unknownSenderRule: mail.unknownSenderRule,
    useImap: imap !== null,
    imap: imap
      ? { enabled: imap.enabled, host: imap.host, port: String(imap.port), tls: imap.tls, user: imap.user, passwordEnv: imap.passwordEnv, mailbox: imap.mailbox }
      : { ...emptyImap },
  };
}

/**
 * The body to PUT. A port that is not a whole number is sent as it is (NaN would be dropped by
 * JSON), so the server names the field rather than the form guessing.
 */
export function teamMailBodyFrom(draft: TeamMailDraft): TeamMailBody {
  const port = /^\d+$/.test(draft.imap.port.trim()) ? Number(draft.imap.port.trim()) : (draft.imap.port as unknown as number);
  const imap: ImapSettings = {
    enabled: draft.imap.enabled,
    host: draft.imap.host.trim(),
    port,
    tls: draft.imap.tls,
    user: draft.imap.user.trim(),
    passwordEnv: draft.imap.passwordEnv.trim(),
    mailbox: draft.imap.mailbox.trim() || 'INBOX',
  };
  return { inboundAddress: draft.inboundAddress.trim(), unknownSenderRule: draft.unknownSenderRule, imap: draft.useImap ? imap : null };
}

/** "imap.host" from the server's "body.imap.host": the form's own name for the field. */
export function mailFieldMessages(errors: ReadonlyArray<{ field: string; reason: string }> | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, reason } of errors ?? []) {
    if (!field.startsWith('body.')) continue;
    const name = field.slice('body.'.length);
    messages[name] = messages[name] ? `${messages[name]}; ${reason}` : reason;
  }
  return messages;
}
