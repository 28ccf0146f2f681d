import { describe, expect, it } from 'vitest';
import { identityOf, messageTextOf, parseTeamsActivity } from './teams-activity.ts';

describe('messageTextOf', () => {
  it("drops the webhook's @mention and Teams' HTML", () => {
    expect(messageTextOf({ text: '<at>Hallway</at>&nbsp;My <b>laptop</b> won&#39;t charge' })).toBe("My laptop won't charge");
    expect(messageTextOf({ text: '<div><at id="0">Hallway</at> first line</div><div>second &amp; last</div>' })).toBe('first line\nsecond & last');
  });

  it('keeps text that only looks like markup as text', () => {
    expect(messageTextOf({ text: '<at>Hallway</at> 2 &lt; 3 and <script>alert(1)</script>done' })).toBe('2 < 3 and done');
  });
});

describe('identityOf', () => {
  const from = { id: '29:1', name: 'Tim Jones', aadObjectId: 'aad-1' };
  it('uses an address Teams put in the payload, never the display name', () => {
    expect(identityOf({ from: { ...from, userPrincipalName: 'Tim.Jones@Corp.test' } })).toBe('tim.jones@corp.test');
    expect(identityOf({ from: { ...from, email: 'tim@corp.test', userPrincipalName: 'other@corp.test' } })).toBe('tim@corp.test');
    expect(identityOf({ from: { ...from, name: 'tim@corp.test' } })).toBeNull();
    expect(identityOf({ from: { ...from, userPrincipalName: 'not an address' } })).toBeNull();
  });
});

describe('parseTeamsActivity', () => {
  it('names the field that is wrong', () => {
    expect(parseTeamsActivity(Buffer.from('{'))).toEqual({ ok: false, field: 'body', reason: 'is not JSON' });
    const missing = parseTeamsActivity(Buffer.from(JSON.stringify({ type: 'message', id: '1', timestamp: 't', from: { id: 'x' } })));
    expect(missing).toMatchObject({ ok: false, field: 'body.conversation' });
  });
});
