import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../api/types.ts';
import { deskEventBody, deskEventTitle, type Names } from './timeline-words.ts';

const entry = (kind: string, data: Record<string, unknown>, visibility: 'public' | 'internal' = 'public'): TimelineEntry => ({
  id: 1,
  actor: { id: 'p1', name: 'Priya Raman' },
  kind,
  visibility,
  data,
  occurredAt: '2026-11-26T10:00:00.000Z',
});

const names: Names = {
  person: (id) => ({ 'p-chen': 'Chen Wei' })[id],
  team: (slug) => ({ it: 'IT', hr: 'HR' })[slug],
};

describe('the desk timeline in words', () => {
  it('names a handoff by both teams and shows its reason', () => {
    const handoff = entry('handoff', { fromTeam: 'it', toTeam: 'hr', reason: 'This is about a contract' });
    expect(deskEventTitle(handoff, names)).toBe('Handed from IT to HR');
    expect(deskEventBody(handoff)).toBe('Reason: This is about a contract');
  });

  it('falls back to the slug for a team it does not know', () => {
    expect(deskEventTitle(entry('handoff', { fromTeam: 'it', toTeam: 'legal' }), names)).toBe('Handed from IT to legal');
  });

  it('tells an internal note from a public reply, with the text of each', () => {
    const note = entry('commented', { body: 'Check the warranty first' }, 'internal');
    expect(deskEventTitle(note, names)).toBe('Internal note');
    expect(deskEventBody(note)).toBe('Check the warranty first');
    expect(deskEventTitle(entry('commented', { body: 'On it' }), names)).toBe('Public reply');
  });

  it('names who was assigned, and says so when nobody is', () => {
    expect(deskEventTitle(entry('assigned', { from: null, to: 'p-chen' }), names)).toBe('Assigned to Chen Wei');
    expect(deskEventTitle(entry('assigned', { from: 'p-chen', to: null }), names)).toBe('Unassigned');
    expect(deskEventTitle(entry('assigned', { from: null, to: 'p-unknown' }), names)).toBe('Assigned');
  });

  it('shows the priority and status moves in the desk’s words', () => {
    expect(deskEventTitle(entry('priority_changed', { from: 'normal', to: 'urgent' }), names)).toBe('Priority Normal → Urgent');
    expect(deskEventTitle(entry('status_changed', { from: 'in_progress', to: 'waiting_on_requester' }), names)).toBe(
      'Status changed to “Waiting on requester”',
    );
  });

  it('names what Hallway itself recorded: clocks, steps, workflow', () => {
    expect(deskEventTitle(entry('sla_breached', { metric: 'first_response' }, 'internal'), names)).toBe('First answer overdue');
    expect(deskEventTitle(entry('sla_clock_paused', { metric: 'resolution' }, 'internal'), names)).toBe('Solved clock paused');
    expect(deskEventTitle(entry('step_done', { position: 1, title: 'Check the warranty' }, 'internal'), names)).toBe('Step done: Check the warranty');
    expect(deskEventTitle(entry('workflow_step_opened', { service: 'Laptop setup' }), names)).toBe('Workflow step opened: Laptop setup');
  });

  it('reads an unknown kind as an update rather than failing', () => {
    expect(deskEventTitle(entry('something_new', {}), names)).toBe('Updated');
    expect(deskEventBody(entry('something_new', {}))).toBeNull();
  });
});
