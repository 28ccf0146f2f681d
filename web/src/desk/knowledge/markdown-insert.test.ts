import { describe, expect, it } from 'vitest';
import { insertAt, markdownReference } from './markdown-insert.ts';

const url = '/api/v1/attachments/0b7e/content';

describe('an uploaded file in the Markdown body', () => {
  it('is an image for pictures and a link for anything else', () => {
    expect(markdownReference({ fileName: 'charger.png', contentType: 'image/png', url })).toBe(`![charger.png](${url})`);
    expect(markdownReference({ fileName: 'guide.pdf', contentType: 'application/pdf', url })).toBe(`[guide.pdf](${url})`);
  });

  it('escapes brackets in the name so the link text does not end early', () => {
    expect(markdownReference({ fileName: 'port [left].jpg', contentType: 'image/jpeg', url })).toBe(`![port \\[left\\].jpg](${url})`);
  });

  it('goes where the cursor is, on a line of its own, with the cursor after it', () => {
    const body = 'First line\nSecond line';
    const at = body.indexOf('Second');
    expect(insertAt(body, at, at, '![a](u)')).toEqual({ body: 'First line\n![a](u)\nSecond line', cursor: at + '![a](u)'.length });
    const middle = 'First'.length;
    expect(insertAt(body, middle, middle, 'X').body).toBe('First\nX\n line\nSecond line');
  });

  it('replaces a selection, and clamps a cursor past the end', () => {
    expect(insertAt('keep SELECTED keep', 5, 13, 'Y').body).toBe('keep \nY\n keep');
    expect(insertAt('text', 99, 99, 'Z')).toEqual({ body: 'text\nZ', cursor: 6 });
    expect(insertAt('', 0, 0, 'Z')).toEqual({ body: 'Z', cursor: 1 });
  });
});
