import { describe, expect, it } from 'vitest';
import { bulkOutcome } from './bulk-outcome.ts';

describe('a bulk change’s report', () => {
  it('lists what changed and, for each failure, the API’s reason', () => {
    expect(
      bulkOutcome([
        { key: 'IT-1', ok: true, version: 3 },
        { key: 'IT-2', ok: false, status: 409, code: 'ILLEGAL_TRANSITION', detail: 'a closed request cannot change; open a new one' },
        { key: 'IT-3', ok: false, status: 404, code: 'REQUEST_NOT_FOUND', detail: '' },
        { key: 'IT-4', ok: true, version: 8 },
      ]),
    ).toEqual({
      changed: ['IT-1', 'IT-4'],
      failed: [
        { key: 'IT-2', reason: 'a closed request cannot change; open a new one' },
        { key: 'IT-3', reason: 'REQUEST_NOT_FOUND' },
      ],
    });
  });

  it('reports nothing changed when every row failed', () => {
    expect(bulkOutcome([{ key: 'IT-9', ok: false, status: 403, code: 'FORBIDDEN', detail: 'no' }]).changed).toEqual([]);
  });
});
