import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, sizeWords } from './file-size.ts';

describe('file sizes in words', () => {
  it('reads bytes, kilobytes and megabytes', () => {
    expect(sizeWords(512)).toBe('512 B');
    expect(sizeWords(14 * 1024 + 300)).toBe('14 KB');
    expect(sizeWords(3.24 * 1024 * 1024)).toBe('3.2 MB');
    expect(sizeWords(MAX_FILE_BYTES)).toBe('20 MB');
  });
});
