/** Whether a key press happened in an open dialog: the page's own shortcuts must not act behind it. */
export function inDialog(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;
}

/**
 * Whether a key press belongs to the control it happened on (a link, a button, a menu), so a page
 * shortcut such as Enter must leave it alone. Typing fields are ignored by useHotkeys itself.
 */
export function isOnControl(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return target.closest('a, button, [role="menuitem"], [role="option"], [role="dialog"]') !== null;
}
