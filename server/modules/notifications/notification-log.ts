/** The few words the notifications module logs: why a mail was not queued. Never a body or an address. */
export interface NotificationLog {
  info(details: object, message: string): void;
  debug(details: object, message: string): void;
}

let current: NotificationLog = { info: () => {}, debug: () => {} };

/** Set by the module's routes from the app's logger (its level and redaction apply). */
export function setNotificationLog(log: NotificationLog): void {
  current = log;
}

export function notificationLog(): NotificationLog {
  return current;
}
