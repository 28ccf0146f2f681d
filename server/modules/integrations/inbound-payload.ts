import { z } from 'zod';
import { requestPriorities, type RequestPriority } from '../requests/requests.tables.ts';

/** What an inbound webhook call asks for, whatever shape it came in. */
export interface InboundCall {
  /** The sender's own id: a repeat with the same id finds the same request. */
  externalId: string | null;
  subject: string;
  description: string;
  priority: RequestPriority | undefined;
  /** Answers for the hook's service form, when it has one; otherwise listed in the description. */
  fields: Record<string, string | number | boolean>;
  /** The sender says the matter is over (an alert resolved, an issue closed). */
  resolved: boolean;
}

export type InboundParse = { ok: true; call: InboundCall } | { ok: false; field: string; reason: string };

const noNul = (text: string) => !text.includes('\u0000');
const fieldValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
const fields = z.record(z.string().min(1).max(100), fieldValue).refine((record) => Object.keys(record).length <= 50, 'has more than 50 fields');

const genericCall = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200).refine(noNul, 'must not contain NUL').optional(),
    title: z.string().trim().min(1).max(300).refine(noNul, 'must not contain NUL').optional(),
    subject: z.string().trim().min(1).max(300).refine(noNul, 'must not contain NUL').optional(),
    description: z.string().max(20_000).refine(noNul, 'must not contain NUL').optional(),
    priority: z.enum(requestPriorities).optional(),
    status: z.enum(['open', 'resolved']).optional(),
    fields: fields.optional(),
  })
  .refine((call) => (call.title ?? call.subject) !== undefined, { message: 'a title (or subject) is required', path: ['title'] })
  .refine((call) => !(call.title && call.subject), { message: 'send title or subject, not both', path: ['subject'] });

/** Prometheus Alertmanager's webhook: one call per alert group, `groupKey` its stable id. */
const alertmanagerCall = z.object({
  version: z.string(),
  groupKey: z.string().min(1).max(1000),
  status: z.enum(['firing', 'resolved']),
  commonLabels: z.record(z.string(), z.string()).default({}),
  commonAnnotations: z.record(z.string(), z.string()).default({}),
  alerts: z.array(z.object({ labels: z.record(z.string(), z.string()).default({}), annotations: z.record(z.string(), z.string()).default({}) })).max(500),
});

/** A GitHub "issues" event: `repository/number` is the issue's id. */
const githubIssueCall = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int(), title: z.string().min(1), body: z.string().nullable().optional(), html_url: z.string().optional() }),
  repository: z.object({ full_name: z.string().min(1) }),
});

/** Within a limit, and without NUL (which no text column takes): for the shapes Hallway does not validate field by field. */
const clip = (raw: string, max: number) => {
  const text = raw.replaceAll('\u0000', '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
const alertPriority: Record<string, RequestPriority> = { critical: 'urgent', page: 'urgent', error: 'high', warning: 'normal', info: 'low' };

/**
 * Recognises the generic shape (docs/webhooks.md), an Alertmanager notification or a GitHub issue
 * event, in that order of precedence; anything else is refused with the generic shape's problems.
 */
export function parseInboundCall(json: unknown): InboundParse {
  const alert = alertmanagerCall.safeParse(json);
  if (alert.success) return { ok: true, call: fromAlertmanager(alert.data) };
  const issue = githubIssueCall.safeParse(json);
  if (issue.success) return { ok: true, call: fromGithubIssue(issue.data) };
  const generic = genericCall.safeParse(json);
  if (!generic.success) {
    const issueFound = generic.error.issues[0]!;
    return { ok: false, field: ['body', ...issueFound.path.map(String)].join('.'), reason: issueFound.message };
  }
  const call = generic.data;
  return {
    ok: true,
    call: {
      externalId: call.externalId ?? null,
      subject: (call.title ?? call.subject)!,
      description: call.description ?? '',
      priority: call.priority,
      fields: call.fields ?? {},
      resolved: call.status === 'resolved',
    },
  };
}

function fromAlertmanager(call: z.infer<typeof alertmanagerCall>): InboundCall {
  const name = call.commonLabels.alertname ?? call.alerts[0]?.labels.alertname ?? 'Alert';
  const summary = call.commonAnnotations.summary ?? call.alerts[0]?.annotations.summary;
  const lines = call.alerts.map((alert) => `- ${alert.annotations.description ?? alert.annotations.summary ?? Object.entries(alert.labels).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return {
    externalId: `alertmanager:${clip(call.groupKey, 180)}`,
    subject: clip(summary ? `${name}: ${summary}` : name, 300),
    description: clip(lines.join('\n'), 20_000),
    priority: alertPriority[call.commonLabels.severity ?? ''],
    fields: Object.fromEntries(Object.entries(call.commonLabels).slice(0, 50).map(([key, value]) => [clip(key, 100), clip(value, 2000)])),
    resolved: call.status === 'resolved',
  };
}

function fromGithubIssue(call: z.infer<typeof githubIssueCall>): InboundCall {
  const body = call.issue.body ?? '';
  return {
    externalId: `github:${clip(call.repository.full_name, 150)}#${call.issue.number}`,
    subject: clip(`${call.repository.full_name}#${call.issue.number}: ${call.issue.title}`, 300),
    description: clip(call.issue.html_url ? `${body}\n\n${call.issue.html_url}` : body, 20_000),
    priority: undefined,
    fields: {},
    resolved: call.action === 'closed',
  };
}
