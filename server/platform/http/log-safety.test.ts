import { describe, expect, it } from 'vitest';
import { errorWithoutValues, loggerOptions } from './log-safety.ts';

describe('errors in the log', () => {
  it('keep the failed SQL and the codes but none of the values', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "sessions_pkey"'), {
      code: '23505',
      detail: 'Key (token_hash)=(s3cr3t-hash) already exists.',
    });
    const failed = new Error('Failed query: insert into "sessions" values ($1, $2)\nparams: s3cr3t-hash,csrf-TOKEN-value', { cause });
    const logged = JSON.stringify(errorWithoutValues(failed));
    expect(logged).not.toContain('s3cr3t-hash');
    expect(logged).not.toContain('csrf-TOKEN-value');
    expect(logged).toContain('insert into \\"sessions\\"');
    expect(logged).toContain('23505');
    expect(logged).toContain('params: [redacted]');
  });

  it('are what every Hallway logger uses', () => {
    expect(loggerOptions('info').serializers.err).toBe(errorWithoutValues);
  });
});
