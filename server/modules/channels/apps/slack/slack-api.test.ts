import { describe, expect, it } from 'vitest';
import { slackRefusal } from './slack-api.ts';

// Slack answers HTTP 200 to a call it refused; what the delivery worker makes of each answer.

describe('slackRefusal', () => {
  it('lets ok:true through as delivered', () => {
    expect(slackRefusal('{"ok":true,"channel":"D0EMMA","ts":"1764158400.000101"}')).toBeNull();
  });

  it.each(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])('retries %s', (error) => {
    expect(slackRefusal(JSON.stringify({ ok: false, error }))).toEqual({ error: `Slack answered ok:false, ${error}`, retryable: true });
  });

  it.each(['channel_not_found', 'not_in_channel', 'invalid_auth', 'account_inactive', 'token_revoked', 'msg_too_long'])('fails %s for good', (error) => {
    expect(slackRefusal(JSON.stringify({ ok: false, error }))).toEqual({ error: `Slack answered ok:false, ${error}`, retryable: false });
  });

  it("keeps the peer's words out of the log unless they look like Slack's error codes", () => {
    expect(slackRefusal('{"ok":false,"error":"<script>x</script> token xoxb-1"}')).toEqual({ error: 'Slack answered ok:false, unknown_error', retryable: false });
    expect(slackRefusal('{"ok":false}')).toEqual({ error: 'Slack answered ok:false, unknown_error', retryable: false });
  });

  it('fails an answer that is not Slack JSON: the API address leads somewhere else', () => {
    for (const body of ['<html>captive portal</html>', '', 'null', '{"status":"ok"}']) {
      expect(slackRefusal(body)).toMatchObject({ retryable: false, error: expect.stringContaining('not Slack') });
    }
  });
});
