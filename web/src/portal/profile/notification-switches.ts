import { en } from '../../i18n/en.ts';

export type NotificationKind = keyof typeof en.notifications.kinds;

/** GET /me/notifications, one item per kind. */
export interface NotificationPreference {
  kind: NotificationKind;
  audience: 'requester' | 'approver' | 'agent';
  defaultEnabled: boolean;
  enabled: boolean;
  alwaysOn: boolean;
}

export interface NotificationSwitch {
  kind: NotificationKind;
  label: string;
  description: string;
  checked: boolean;
  /** An always-on kind shows as on and cannot be switched. */
  locked: boolean;
}

/** The switches the section shows, in the server's order; a kind this app has no words for is left out. */
export function switchesFrom(items: readonly NotificationPreference[]): NotificationSwitch[] {
  return items
    .filter((item) => item.kind in en.notifications.kinds)
    .map((item) => {
      const words = en.notifications.kinds[item.kind];
      const note = item.alwaysOn ? en.notifications.alwaysOn : en.notifications.defaultNote(item.defaultEnabled);
      return { kind: item.kind, label: words.label, description: `${words.description} ${note}`, checked: item.alwaysOn || item.enabled, locked: item.alwaysOn };
    });
}

/** The PUT body for one switch flipped: only that kind, so two quick flips never undo each other. */
export function changeOf(kind: NotificationKind, enabled: boolean): { items: Array<{ kind: NotificationKind; enabled: boolean }> } {
  return { items: [{ kind, enabled }] };
}
