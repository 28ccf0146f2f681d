import { describe, expect, it } from 'vitest';
import { actionTarget, lifecycleActions } from './lifecycle.ts';

const agent = { canEdit: true, canPublish: false };
const lead = { canEdit: true, canPublish: true };
const reader = { canEdit: false, canPublish: false };

describe('the lifecycle buttons an article offers', () => {
  it('lets an agent submit a draft for review, and a lead publish it straight away', () => {
    expect(lifecycleActions('draft', agent)).toEqual(['submit']);
    expect(lifecycleActions('draft', lead)).toEqual(['submit', 'publish']);
  });

  it('lets only a lead publish an article in review; its team may send it back to draft', () => {
    expect(lifecycleActions('in_review', agent)).toEqual(['sendBack']);
    expect(lifecycleActions('in_review', lead)).toEqual(['publish', 'sendBack']);
  });

  it('never sends a published article back to draft: it is archived (and an archived one reopened as a draft)', () => {
    expect(lifecycleActions('published', lead)).toEqual(['archive']);
    expect(lifecycleActions('archived', agent)).toEqual(['reopen']);
    expect(actionTarget.reopen).toBe('draft');
  });

  it('offers nothing to someone who may only read', () => {
    for (const status of ['draft', 'in_review', 'published', 'archived'] as const) expect(lifecycleActions(status, reader)).toEqual([]);
  });
});
