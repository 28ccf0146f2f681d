import { z } from 'zod';
import { notificationKinds } from './notification-kinds.ts';

export const notificationKind = z.enum(notificationKinds);

export const notificationPreferenceView = z.object({
  kind: notificationKind,
  /** Who gets this kind: the requester, an approver, the agents working the request. */
  audience: z.enum(['requester', 'approver', 'agent']),
  /** What applies while the person has chosen nothing. */
  defaultEnabled: z.boolean(),
  /** Whether this person gets it now: their choice, or the default. */
  enabled: z.boolean(),
  /** Cannot be turned off (approvals: the request waits for the person who would miss it). */
  alwaysOn: z.boolean(),
});
export type NotificationPreferenceView = z.infer<typeof notificationPreferenceView>;

export const notificationPreferencesView = z.object({ items: z.array(notificationPreferenceView) });
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesView>;

export const updateNotificationPreferencesBody = z.strictObject({
  items: z
    .array(z.strictObject({ kind: notificationKind, enabled: z.boolean() }))
    .min(1, 'name at least one kind')
    .max(notificationKinds.length, `at most ${notificationKinds.length} kinds`),
});
export type UpdateNotificationPreferencesBody = z.infer<typeof updateNotificationPreferencesBody>;
