import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// Issue 4's budget: a first load under 300 KB of compressed JavaScript. scripts/build-web.mjs
// measures it (the entry chunk plus a landing page's chunks, gzip) when it builds web/dist.

describe('the production bundle', () => {
  it('loads its first page with less than 300 KB of compressed JavaScript', async () => {
    const report = JSON.parse(await readFile(new URL('../../web/dist/first-load.json', import.meta.url), 'utf8')) as {
      javascriptGzipBytes: number;
    };
    console.log(`web app first load: ${(report.javascriptGzipBytes / 1024).toFixed(1)} KB of JavaScript (gzip)`);
    expect(report.javascriptGzipBytes).toBeLessThan(300 * 1024);
  });
});
