import { describe, expect, it } from 'vitest';
import { changeOf, switchesFrom, type NotificationPreference } from './notification-switches.ts';

// The profile's mail section: one switch per kind as the server reports it, approvals locked on.

const item = (kind: NotificationPreference['kind'], enabled: boolean, alwaysOn = false): NotificationPreference => ({
  kind,
  audience: 'requester',
  defaultEnabled: true,
  enabled,
  alwaysOn,
});

describe('notification switches', () => {
  it('shows each kind with its words and the person’s choice, approvals always on and locked', () => {
    const switches = switchesFrom([item('reply', false), item('approval', false, true), item('status', true)]);
    expect(switches.map((entry) => [entry.kind, entry.checked, entry.locked])).toEqual([
      ['reply', false, false],
      ['approval', true, true],
      ['status', true, false],
    ]);
    expect(switches[0]!.label).toBe('Replies');
    expect(switches[0]!.description).toContain('On unless you turn it off.');
    expect(switches[1]!.description).toContain('Always sent');
  });

  it('leaves out a kind this app has no words for (a newer server)', () => {
    const unknown = { ...item('reply', true), kind: 'digest' } as unknown as NotificationPreference;
    expect(switchesFrom([unknown, item('status', true)]).map((entry) => entry.kind)).toEqual(['status']);
  });

  it('saves only the kind flipped', () => {
    expect(changeOf('sla-warning', false)).toEqual({ items: [{ kind: 'sla-warning', enabled: false }] });
  });
});
