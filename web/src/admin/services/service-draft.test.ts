import { describe, expect, it } from 'vitest';
import type { ManagedService } from '../api/types.ts';
import { newField, withLabel } from './form-builder/field-draft.ts';
import { bodyFromDraft, draftFromService, emptyDraft, formChanged, messageFor, newWorkflowStep, problemsByField, slugFromName, withoutStep, withStepKey } from './service-draft.ts';

const saved: ManagedService = {
  id: '7d1f0a52-40c4-4a55-9d33-7b4c2d2f8e01',
  slug: 'desk-move',
  name: 'Desk move',
  description: 'Move to another desk',
  team: { slug: 'facilities', name: 'Facilities' },
  requestType: 'task',
  defaultPriority: 'normal',
  confidential: false,
  audience: [{ slug: 'it', name: 'IT' }],
  form: { version: 3, createdAt: '2026-11-01T10:00:00.000Z', fields: [{ name: 'where', label: 'Where?', help: '', required: true, type: 'short_text' }] },
  procedure: [{ title: 'Book the movers' }],
  approval: { approver: 'person', person: { id: '0b9c4b8e-6a59-4a57-9a3e-3c2f6a0d1e22', name: 'Ann' } },
  slaPolicyId: null,
  workflow: [
    { key: 'laptop', serviceId: '5b0c6a7e-1f2d-4c3b-8a9e-0d1c2b3a4f5e', after: [] },
    { key: 'badge', serviceId: '6c1d7b8f-2a3e-4d4c-9b0f-1e2d3c4b5a6f', after: ['laptop'] },
  ],
  active: true,
  version: 5,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

describe('a service draft', () => {
  it('slugs follow the API rule', () => {
    expect(slugFromName('Desk move — 2nd floor!')).toBe('desk-move-2nd-floor');
  });

  it('sends what was read back unchanged, and so does not publish a new form', () => {
    const draft = draftFromService(saved);
    const body = bodyFromDraft(draft);
    expect(body).toMatchObject({
      slug: 'desk-move',
      team: 'facilities',
      audience: ['it'],
      procedure: [{ title: 'Book the movers' }],
      approval: { approver: 'person', personId: '0b9c4b8e-6a59-4a57-9a3e-3c2f6a0d1e22' },
      form: { fields: saved.form.fields },
    });
    expect(formChanged(draft, saved)).toBe(false);
  });

  it('notices a changed form', () => {
    const draft = draftFromService(saved);
    const added = { ...draft, fields: [...draft.fields, withLabel(newField('long_text', ['where']), 'Why?', ['where'])] };
    expect(formChanged(added, saved)).toBe(true);
  });

  it('sends everyone as null audience and no approval as null', () => {
    const body = bodyFromDraft(emptyDraft('it'));
    expect(body.audience).toBeNull();
    expect(body.approval).toBeNull();
  });

  it('puts each form problem under the field that was sent at its position', () => {
    const problems = problemsByField(
      {
        title: 'Invalid',
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'body.form.fields.1.options.0.value', reason: 'repeats the option "a"' },
          { field: 'body.form.fields.1.label', reason: 'must not be empty' },
          { field: 'body.form.fields.1.label', reason: 'must not be empty' },
          { field: 'body.name', reason: 'must not be empty' },
          { field: 'body.form.fields.9.label', reason: 'no such field sent' },
        ],
      },
      ['f-a', 'f-b'],
    );
    expect(Object.keys(problems)).toEqual(['f-b']);
    expect(messageFor(problems['f-b'], 'options')).toBe('repeats the option "a"');
    expect(messageFor(problems['f-b'], 'label')).toBe('must not be empty');
    expect(messageFor(problems['f-b'], 'help')).toBeUndefined();
  });

  it('sends the workflow as read, and a step renamed or removed carries its dependants along', () => {
    const draft = draftFromService(saved);
    expect(bodyFromDraft(draft).workflow).toEqual(saved.workflow);
    const [laptop] = draft.workflow;
    const renamed = withStepKey(draft.workflow, laptop!.uid, 'computer');
    expect(renamed.map((step) => [step.key, step.after])).toEqual([['computer', []], ['badge', ['computer']]]);
    expect(withoutStep(renamed, laptop!.uid)).toEqual([expect.objectContaining({ key: 'badge', after: [] })]);
    expect(newWorkflowStep(['step_1', 'step_2']).key).toBe('step_3');
  });
});
