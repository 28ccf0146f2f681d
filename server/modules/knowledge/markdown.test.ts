import { describe, expect, it } from 'vitest';
import { excerptOf, renderArticleMarkdown, sanitizeArticleHtml } from './markdown.ts';
import { executableBits, XSS_PAYLOADS } from './markdown.xss-fixture.ts';

// Articles are written by agents and read by everyone: nothing an author types may run in a
// reader's browser. Pure unit tests (no database).

const FILE = '/api/v1/attachments/0b7e8a62-3d6c-4a39-9a4f-1c2d3e4f5a6b/content';

describe('the DOM-free check itself', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', 'an event handler'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'a javascript: link hidden by an entity'],
    ['<a href="&#106;avascript&colon;alert(1)">x</a>', 'a javascript: link in entities'],
    ['<img src="data:image/png;base64,AAAA">', 'a data: image'],
    ['<iframe src="https://evil.example/"></iframe>', 'a frame from elsewhere'],
    ['<a href="//evil.example/">x</a>', 'a protocol-relative link'],
    ['<svg><circle/></svg>', 'a tag off the list'],
    ['<div style="background:url(x)">', 'a style'],
    ['<SCRIPT>alert(1)</SCRIPT>', 'a script tag'],
  ])('flags %s (%s)', (html) => {
    expect(executableBits(html)).not.toEqual([]);
  });

  it('passes plain safe HTML', () => {
    expect(executableBits('<p>Hello <a href="https://example.com" rel="noopener noreferrer">x</a> &lt;script&gt;</p>')).toEqual([]);
  });
});

describe('hostile bodies', () => {
  it(`has at least 30 payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload]))('render without anything executable: %s', (payload) => {
    expect(executableBits(renderArticleMarkdown(payload))).toEqual([]);
    expect(executableBits(sanitizeArticleHtml(payload))).toEqual([]);
    // Inside other Markdown (a list item, a quote, after text) the result is the same.
    expect(executableBits(renderArticleMarkdown(`Intro text\n\n- item ${payload}\n\n> ${payload}\n`))).toEqual([]);
  });

  it('keeps the text of a dropped script out of the page', () => {
    const html = renderArticleMarkdown('Before <script>stealCookies()</script> after');
    expect(html).not.toContain('stealCookies');
    expect(html).toContain('Before');
    expect(html).toContain('after');
  });

  it('shows code about scripts as text, escaped', () => {
    const html = renderArticleMarkdown('```html\n<script>alert(1)</script>\n```');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(executableBits(html)).toEqual([]);
  });
});

describe('what authors may use', () => {
  it('renders the usual formatting', () => {
    const html = renderArticleMarkdown('# Title\n\nSome **bold**, *em*, `code` and ~~gone~~.\n\n1. one\n2. two\n\n> quoted');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<s>gone</s>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
  });

  it('keeps http, https, mailto and relative links, each with rel="noopener noreferrer"', () => {
    const html = renderArticleMarkdown('[a](https://example.com/a) [b](http://example.com/b) [c](mailto:help@example.com) [d](/kb/vpn) [e](#setup)');
    for (const href of ['https://example.com/a', 'http://example.com/b', 'mailto:help@example.com', '/kb/vpn', '#setup']) {
      expect(html).toContain(`<a href="${href}" rel="noopener noreferrer">`);
    }
    expect(sanitizeArticleHtml('<a href="https://x.example" rel="opener" target="_blank">x</a>')).toBe('<a href="https://x.example" rel="noopener noreferrer">x</a>');
  });

  it('keeps https images and our own files, and drops other images', () => {
    const html = renderArticleMarkdown(`![diagram](https://cdn.example/d.png) ![ours](${FILE}) ![plain](http://cdn.example/p.png) ![rel](img/p.png)`);
    expect(html).toContain('<img alt="diagram" src="https://cdn.example/d.png" loading="lazy" />');
    expect(html).toContain(`<img alt="ours" src="${FILE}" loading="lazy" />`);
    expect(html).not.toContain('cdn.example/p.png');
    expect(html).not.toContain('img/p.png');
  });

  it('keeps video players from the three embed hosts, sandboxed, and drops frames from anywhere else', () => {
    const embeds = [
      'https://www.youtube.com/embed/abc',
      'https://www.youtube-nocookie.com/embed/abc',
      'https://player.vimeo.com/video/123',
    ];
    for (const src of embeds) {
      const html = renderArticleMarkdown(`<iframe src="${src}" width="560" height="315" title="Setup video"></iframe>`);
      expect(html).toContain(`<iframe src="${src}" title="Setup video" width="560" height="315" sandbox=`);
    }
    expect(renderArticleMarkdown('<iframe src="https://vimeo.com/123"></iframe>')).not.toContain('<iframe');
  });

  it('keeps a video of our own files only', () => {
    expect(renderArticleMarkdown(`<video src="${FILE}"></video>`)).toContain(`<video src="${FILE}" controls></video>`);
    expect(renderArticleMarkdown('<video src="https://cdn.example/v.mp4"></video>')).not.toContain('<video');
  });

  it('renders tables with their alignment and code with its language', () => {
    const html = renderArticleMarkdown('| Step | Time |\n|:--|--:|\n| Reboot | 2 min |\n\n```bash\nsudo reboot\n```');
    expect(html).toContain('<th style="text-align:left">Step</th>');
    expect(html).toContain('<td style="text-align:right">2 min</td>');
    expect(html).toContain('<code class="language-bash">sudo reboot');
  });

  it('keeps pasted HTML formatting', () => {
    expect(sanitizeArticleHtml('<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd></p><details><summary>More</summary>Hidden</details>')).toBe(
      '<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd></p><details><summary>More</summary>Hidden</details>',
    );
  });
});

describe('excerpts', () => {
  it('are the plain words, no markup', () => {
    expect(excerptOf('# Reset your password\n\nOpen **Settings** & choose <b>Reset</b>. See [the guide](https://x.example).')).toBe(
      'Reset your password Open Settings & choose Reset. See the guide.',
    );
  });

  it('are at most 200 characters, cut at a word', () => {
    const excerpt = excerptOf(`Start ${'lengthy '.repeat(60)}end`);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt.endsWith('lengthy…')).toBe(true);
  });

  it('are empty for an empty body', () => {
    expect(excerptOf('')).toBe('');
  });
});
