import type { Queryable } from '../../platform/db/database.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { kindEnabled, kindRules, notificationKinds, type NotificationKind } from './notification-kinds.ts';
import type { NotificationPreferencesView, UpdateNotificationPreferencesBody } from './notifications.schema.ts';
import * as store from './notifications.store.ts';

/** Every kind with its default and what applies to this person now. */
export async function getNotificationPreferences(db: Queryable, personId: string): Promise<NotificationPreferencesView> {
  const choices = await store.selectEmailChoices(db, personId);
  return {
    items: notificationKinds.map((kind) => ({
      kind,
      audience: kindRules[kind].audience,
      defaultEnabled: kindRules[kind].defaultEnabled,
      enabled: kindEnabled(kind, choices),
      alwaysOn: kindRules[kind].alwaysOn,
    })),
  };
}

/**
 * Saves the person's choices for the kinds named (the others keep theirs). Refused whole, with
 * nothing saved, when a kind is named twice or an always-on kind is turned off.
 */
export async function setNotificationPreferences(
  db: Queryable,
  personId: string,
  body: UpdateNotificationPreferencesBody,
): Promise<NotificationPreferencesView> {
  const seen = new Set<string>();
  body.items.forEach((item, index) => {
    if (seen.has(item.kind)) throw fieldError(`body.items.${index}.kind`, `${item.kind} is named twice`);
    seen.add(item.kind);
    if (kindRules[item.kind].alwaysOn && !item.enabled) {
      throw fieldError(`body.items.${index}.enabled`, `${item.kind} mails cannot be turned off: work waits for them`);
    }
  });
  await store.upsertEmailChoices(db, personId, body.items);
  return getNotificationPreferences(db, personId);
}

/** Whether a mail of this kind may go to the person (their choice, or the kind's default). */
export async function wantsNotification(db: Queryable, personId: string, kind: NotificationKind): Promise<boolean> {
  if (kindRules[kind].alwaysOn) return true;
  return kindEnabled(kind, await store.selectEmailChoices(db, personId));
}
