import type { ConnectionBody, ConnectionKind } from '../api/channel-types.ts';

// A new chat-app or SMS connection as the form holds it; the body carries only the kind's own settings.

export interface ConnectionDraft {
  kind: ConnectionKind;
  name: string;
  externalId: string;
  signingSecret: string;
  credentialEnv: string;
  smsFormat: 'twilio' | 'generic';
  sendUrl: string;
  fromNumber: string;
  incomingWebhookUrl: string;
}

export const emptyConnectionDraft = (kind: ConnectionKind = 'slack'): ConnectionDraft => ({
  kind,
  name: '',
  externalId: '',
  signingSecret: '',
  credentialEnv: '',
  smsFormat: 'twilio',
  sendUrl: '',
  fromNumber: '',
  incomingWebhookUrl: '',
});

export function connectionBodyFrom(draft: ConnectionDraft): ConnectionBody {
  const common = {
    name: draft.name.trim(),
    externalId: draft.externalId.trim(),
    // Sent as typed: a secret's spaces are the peer's business, and trimming would break its checks.
    signingSecret: draft.signingSecret,
    credentialEnv: draft.credentialEnv.trim() || null,
    enabled: true,
  };
  if (draft.kind === 'sms') {
    return { kind: 'sms', ...common, settings: { format: draft.smsFormat, sendUrl: draft.sendUrl.trim(), fromNumber: draft.fromNumber.trim() } };
  }
  if (draft.kind === 'teams') {
    const url = draft.incomingWebhookUrl.trim();
    return { kind: 'teams', ...common, settings: url ? { incomingWebhookUrl: url } : {} };
  }
  return { kind: 'slack', ...common };
}
