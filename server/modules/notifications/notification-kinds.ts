/**
 * The mails Hallway sends people about requests, and what each person may choose (decision 0023).
 * A kind nobody chose anything for follows its default; an `alwaysOn` kind cannot be turned off,
 * because the work waits for the person who would miss it.
 */
export const notificationKinds = ['acknowledgement', 'reply', 'status', 'approval', 'sla-warning'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface KindRule {
  defaultEnabled: boolean;
  /** An approval nobody is told about leaves the request waiting with no clock running: always sent. */
  alwaysOn: boolean;
  /** Who gets it, for the profile page's words. */
  audience: 'requester' | 'approver' | 'agent';
}

export const kindRules: Readonly<Record<NotificationKind, KindRule>> = {
  acknowledgement: { defaultEnabled: true, alwaysOn: false, audience: 'requester' },
  reply: { defaultEnabled: true, alwaysOn: false, audience: 'requester' },
  status: { defaultEnabled: true, alwaysOn: false, audience: 'requester' },
  approval: { defaultEnabled: true, alwaysOn: true, audience: 'approver' },
  'sla-warning': { defaultEnabled: true, alwaysOn: false, audience: 'agent' },
};

export const isNotificationKind = (value: string): value is NotificationKind => (notificationKinds as readonly string[]).includes(value);

/** Whether a kind goes to a person, given the choices they saved (kind -> enabled). */
export function kindEnabled(kind: NotificationKind, choices: ReadonlyMap<string, boolean>): boolean {
  const rule = kindRules[kind];
  if (rule.alwaysOn) return true;
  return choices.get(kind) ?? rule.defaultEnabled;
}
