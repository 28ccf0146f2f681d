import { describe, expect, it } from 'vitest';
import { minutesShort, targetsDraft, targetsFromDraft } from './targets-draft.ts';

describe('SLA targets as a grid', () => {
  it('leaves blank cells and empty priorities out of what is sent', () => {
    const draft = targetsDraft({ normal: { firstResponse: 240 } });
    draft.urgent.resolution = 480;
    expect(targetsFromDraft(draft)).toEqual({ normal: { firstResponse: 240 }, urgent: { resolution: 480 } });
  });

  it('reads back what it sends', () => {
    const targets = { low: { firstResponse: 1440, resolution: 7200 }, high: { nextResponse: 60 } };
    expect(targetsFromDraft(targetsDraft(targets))).toEqual(targets);
  });

  it('says minutes in days, hours and minutes', () => {
    expect(minutesShort(90)).toBe('1 h 30 min');
    expect(minutesShort(1500)).toBe('1 d 1 h');
    expect(minutesShort(0)).toBe('0 min');
  });
});
