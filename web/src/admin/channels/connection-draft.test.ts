import { describe, expect, it } from 'vitest';
import { connectionBodyFrom, emptyConnectionDraft } from './connection-draft.ts';

describe('a new connection’s body', () => {
  it('sends a Slack workspace without settings, and no credential variable when none is named', () => {
    const body = connectionBodyFrom({ ...emptyConnectionDraft('slack'), name: ' IT Slack ', externalId: ' T0123 ', signingSecret: ' s3cret with spaces ' });
    expect(body).toEqual({ kind: 'slack', name: 'IT Slack', externalId: 'T0123', signingSecret: ' s3cret with spaces ', credentialEnv: null, enabled: true });
  });

  it('sends the SMS gateway’s settings, and only those', () => {
    const body = connectionBodyFrom({
      ...emptyConnectionDraft('sms'),
      name: 'Desk SMS',
      externalId: '+14155550100',
      signingSecret: 'gateway-secret',
      credentialEnv: ' HALLWAY_SMS_KEY ',
      sendUrl: ' https://sms.example.test/send ',
      fromNumber: '+14155550100',
      incomingWebhookUrl: 'https://ignored.example.test',
    });
    expect(body).toMatchObject({ kind: 'sms', credentialEnv: 'HALLWAY_SMS_KEY', settings: { format: 'twilio', sendUrl: 'https://sms.example.test/send', fromNumber: '+14155550100' } });
  });

  it('leaves out an empty Teams incoming webhook', () => {
    expect(connectionBodyFrom({ ...emptyConnectionDraft('teams'), name: 'T', externalId: 'abc', signingSecret: 'x'.repeat(12) })).toMatchObject({ kind: 'teams', settings: {} });
    expect(connectionBodyFrom({ ...emptyConnectionDraft('teams'), incomingWebhookUrl: 'https://teams.example.test/hook' })).toMatchObject({ settings: { incomingWebhookUrl: 'https://teams.example.test/hook' } });
  });
});
