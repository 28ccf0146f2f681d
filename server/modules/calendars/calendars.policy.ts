import { isLeadOf, type Actor } from '../../platform/auth/actor.ts';
import type { CalendarKind } from './calendars.schema.ts';

// Who may do what with calendars. Each rule says who is allowed; everyone else is refused.

interface CalendarOwner {
  kind: CalendarKind;
  teamId?: string | null;
}

/** When a team works is not a secret: anyone signed in may read calendars, count on them and subscribe. */
export function canReadCalendars(actor: Actor | null): boolean {
  return actor !== null;
}

/**
 * A team's lead keeps its hours and closures; admins keep every calendar, and they alone keep the
 * company holiday calendar, which every team calendar honours.
 */
export function canManageCalendar(actor: Actor | null, calendar: CalendarOwner): boolean {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  return calendar.kind === 'team' && typeof calendar.teamId === 'string' && isLeadOf(actor, calendar.teamId);
}

/** Creating follows the same rule, asked of the calendar about to exist. */
export function canCreateCalendar(actor: Actor | null, calendar: CalendarOwner): boolean {
  return canManageCalendar(actor, calendar);
}
