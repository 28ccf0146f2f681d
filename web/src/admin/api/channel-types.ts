// The console's view of the channel APIs (server: channels/email, channels/apps, integrations),
// checked against the server's schemas by test/web/admin-api-types.contract.ts.

export type UnknownSenderRule = 'reject' | 'hold' | 'accept';
export type InboundStatus = 'received' | 'processed' | 'held' | 'rejected' | 'failed';

export interface ImapSettings {
  enabled: boolean;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  passwordEnv: string;
  mailbox: string;
}

export interface TeamMail {
  inboundAddress: string;
  unknownSenderRule: UnknownSenderRule;
  imap: (ImapSettings & { polledAt: string | null; lastError: string | null }) | null;
}

export interface TeamMailBody {
  inboundAddress: string;
  unknownSenderRule: UnknownSenderRule;
  imap: ImapSettings | null;
}

export interface InboundMessage {
  id: string;
  teamId: string;
  channel: 'smtp' | 'imap';
  messageKey: string;
  envelopeFrom: string | null;
  sizeBytes: number;
  receivedAt: string;
  status: InboundStatus;
  statusReason: string | null;
  automatedKind: string | null;
  attempts: number;
  processedAt: string | null;
  requestId: string | null;
}

export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed';

export interface OutboundMessage {
  id: string;
  kind: string;
  status: OutboundStatus;
  statusReason: string | null;
  to: string;
  from: string;
  subject: string;
  requestKey: string | null;
  teamId: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxPage {
  items: OutboundMessage[];
  nextCursor: string | null;
  relayConfigured: boolean;
}

export type ConnectionKind = 'slack' | 'teams' | 'sms';

export interface Connection {
  id: string;
  team: string;
  kind: ConnectionKind;
  name: string;
  externalId: string;
  credentialEnv: string | null;
  credentialSet: boolean;
  settings: Record<string, unknown>;
  enabled: boolean;
  previousSecretUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ConnectionBody =
  | { kind: 'slack'; name: string; externalId: string; signingSecret: string; credentialEnv: string | null; enabled: boolean }
  | { kind: 'teams'; name: string; externalId: string; signingSecret: string; credentialEnv: string | null; enabled: boolean; settings: { incomingWebhookUrl?: string } }
  | {
      kind: 'sms';
      name: string;
      externalId: string;
      signingSecret: string;
      credentialEnv: string | null;
      enabled: boolean;
      settings: { format: 'twilio' | 'generic'; sendUrl: string; fromNumber: string };
    };

export type WebhookEventType = 'created' | 'updated' | 'commented' | 'resolved';

export interface Webhook {
  id: string;
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
  team: { id: string; slug: string; name: string } | null;
  enabled: boolean;
  disabledReason: string | null;
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookBody {
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
  team: string | null;
}

export interface Delivery {
  id: string;
  eventType: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attemptLog: Array<{ attempt: number; startedAt: string; durationMs: number; statusCode: number | null; error: string | null; responseExcerpt: string | null }>;
}

export interface InboundHook {
  id: string;
  name: string;
  url: string;
  team: { id: string; slug: string; name: string };
  serviceId: string | null;
  requester: { id: string; name: string };
  enabled: boolean;
  previousSecretValidUntil: string | null;
  createdAt: string;
}

export interface InboundHookBody {
  name: string;
  team: string;
  requester: string;
}
