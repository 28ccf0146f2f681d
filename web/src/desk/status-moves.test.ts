import { describe, expect, it } from 'vitest';
import { nextStatuses } from './status-moves.ts';

describe('the moves the desk offers', () => {
  it('follows the lifecycle: new can be acknowledged, started or resolved, never sent back', () => {
    expect(nextStatuses('new')).toEqual(['acknowledged', 'in_progress', 'resolved']);
    expect(nextStatuses('resolved')).toEqual(['in_progress', 'closed']);
  });

  it('offers nothing for a closed request or one waiting for approval', () => {
    expect(nextStatuses('closed')).toEqual([]);
    expect(nextStatuses('pending_approval')).toEqual([]);
  });
});
