import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../channels/signatures/delivery-retry-schedule.ts';
import { outcomeOf, retryAfterMs } from './http-delivery-outcome.ts';
import { parseInboundCall } from './inbound-payload.ts';
import { liveSecrets, webhookUrlProblem } from './webhook-secrets.ts';

// The pure parts of webhooks: where a webhook may point, which secrets sign, how an answer is
// classified, and how the inbound shapes are read.

describe('webhookUrlProblem', () => {
  it.each(['https://hooks.example.com/x', 'http://localhost:8080/x', 'http://127.0.0.1/x', 'http://10.1.2.3/x', 'http://172.20.0.5/x', 'http://192.168.1.9/x', 'http://ci/x', 'http://ci.corp.internal/x', 'http://[::1]/x'])(
    'accepts %s',
    (url) => expect(webhookUrlProblem(url)).toBeNull(),
  );
  it.each(['http://hooks.example.com/x', 'http://172.32.0.1/x', 'http://8.8.8.8/x', 'ftp://example.com/x', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.com/'])(
    'refuses %s',
    (url) => expect(webhookUrlProblem(url)).not.toBeNull(),
  );
});

describe('liveSecrets', () => {
  const at = new Date('2026-11-26T12:00:00Z');
  it('keeps the previous secret only while its overlap lasts', () => {
    expect(liveSecrets({ secret: 'new', previousSecret: 'old', previousSecretUntil: new Date('2026-11-27T00:00:00Z') }, at)).toEqual(['new', 'old']);
    expect(liveSecrets({ secret: 'new', previousSecret: 'old', previousSecretUntil: new Date('2026-11-26T11:59:59Z') }, at)).toEqual(['new']);
    expect(liveSecrets({ secret: 'new', previousSecret: null, previousSecretUntil: null }, at)).toEqual(['new']);
  });
});

describe('classifying an answer', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const half = () => 0.5;
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [400, 'failed'],
    [404, 'failed'],
    [410, 'failed'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('%i -> %s', (status, expected) => {
    expect(outcomeOf({ kind: 'answered', status, body: '', retryAfter: null }, 1, now, DEFAULT_RETRY_POLICY, half).next.status).toBe(expected);
  });
  it('fails a retryable answer once the attempts are spent, and a permanent error at once', () => {
    expect(outcomeOf({ kind: 'answered', status: 503, body: '', retryAfter: null }, 10, now, DEFAULT_RETRY_POLICY, half).next.status).toBe('failed');
    expect(outcomeOf({ kind: 'error', error: 'redirect', permanent: true }, 1, now, DEFAULT_RETRY_POLICY, half).next.status).toBe('failed');
  });
  it('reads Retry-After as seconds or a date, and ignores it when not sane', () => {
    expect(retryAfterMs('120', now, 3_600_000)).toBe(120_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 12:05:00 GMT', now, 3_600_000)).toBe(300_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 11:00:00 GMT', now, 3_600_000)).toBeNull();
    expect(retryAfterMs('7200', now, 3_600_000)).toBeNull();
    expect(retryAfterMs('-5', now, 3_600_000)).toBeNull();
    expect(retryAfterMs('soon', now, 3_600_000)).toBeNull();
  });
});

describe('parseInboundCall', () => {
  it('reads a GitHub issues event, a closed one as resolved', () => {
    const parsed = parseInboundCall({ action: 'closed', issue: { number: 7, title: 'Build broken', body: null, html_url: 'https://github.com/acme/app/issues/7' }, repository: { full_name: 'acme/app' } });
    expect(parsed).toMatchObject({ ok: true, call: { externalId: 'github:acme/app#7', subject: 'acme/app#7: Build broken', resolved: true } });
  });
  it('strips NUL from shapes it does not validate field by field', () => {
    const parsed = parseInboundCall({ version: '4', groupKey: 'g', status: 'firing', commonLabels: { alertname: 'A\u0000B' }, alerts: [] });
    expect(parsed).toMatchObject({ ok: true, call: { subject: 'AB' } });
  });
  it('names the field of a body it cannot read', () => {
    expect(parseInboundCall([1, 2])).toMatchObject({ ok: false, field: 'body' });
    expect(parseInboundCall({ title: 'x', fields: { host: { nested: true } } })).toMatchObject({ ok: false, field: 'body.fields.host' });
  });
});
