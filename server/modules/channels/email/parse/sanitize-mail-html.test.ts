import { describe, expect, it } from 'vitest';
import { sanitisedHtmlToText, sanitizeMailHtml } from './sanitize-mail-html.ts';

// Each hostile fragment must come out without anything that could run or load from elsewhere.
const HOSTILE: Array<[string, string]> = [
  ['script element', '<p>hi</p><script>alert(1)</script>'],
  ['event handler', '<img src="https://a.example/x.png" onerror="alert(1)">'],
  ['javascript link', '<a href="javascript:alert(1)">x</a>'],
  ['entity-encoded scheme', '<a href="jav&#x61;script&colon;alert(1)">x</a>'],
  ['scheme split by a tab', '<a href="java\tscript:alert(1)">x</a>'],
  ['upper-case scheme', '<a href="JAVASCRIPT:alert(1)">x</a>'],
  ['vbscript link', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['protocol-relative image', '<img src="//evil.example/x.png">'],
  ['relative image to our own API', '<img src="/api/v1/session/logout">'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ['style attribute', '<div style="background:url(https://evil.example/x)">x</div>'],
  ['style element', '<style>@import url(https://evil.example/x.css)</style><p>x</p>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['base element', '<base href="https://evil.example/"><a href="x">x</a>'],
  ['form', '<form action="https://evil.example"><button formaction="https://evil.example">go</button></form>'],
  ['srcset', '<img src="cid:a@b" srcset="https://evil.example/x.png 2x">'],
  ['object and embed', '<object data="https://evil.example/x"></object><embed src="https://evil.example/y">'],
];

describe('sanitizeMailHtml', () => {
  it.each(HOSTILE)('neutralises %s', (_name, html) => {
    const safe = sanitizeMailHtml(html).toLowerCase();
    expect(safe).not.toMatch(/<(script|iframe|svg|style|meta|base|form|button|object|embed)\b/);
    expect(safe).not.toMatch(/\son\w+=/);
    expect(safe).not.toMatch(/javascript|vbscript|data:|evil\.example|srcset|style=|\/api\/v1/);
  });

  it('keeps formatting, https and mailto links with rel noopener, and cid or https images', () => {
    const safe = sanitizeMailHtml('<p><b>Bold</b> <a href="https://corp.example/x">site</a> <a href="mailto:a@corp.example">mail</a></p><img src="cid:logo@corp" alt="logo"><img src="https://corp.example/l.png"><table border="1"><tr><td colspan="2">cell</td></tr></table>');
    expect(safe).toContain('<b>Bold</b>');
    expect(safe).toContain('<a href="https://corp.example/x" rel="noopener noreferrer" target="_blank">site</a>');
    expect(safe).toContain('href="mailto:a@corp.example"');
    expect(safe).toContain('<img src="cid:logo@corp" alt="logo" />');
    expect(safe).toContain('<img src="https://corp.example/l.png" />');
    expect(safe).toContain('<td colspan="2">cell</td>');
  });

  it('drops http images (mixed content) but keeps http links', () => {
    expect(sanitizeMailHtml('<img src="http://corp.example/l.png">')).toBe('');
    expect(sanitizeMailHtml('<a href="http://corp.example/">x</a>')).toContain('href="http://corp.example/"');
  });
});

describe('sanitisedHtmlToText', () => {
  it('gives readable text with quotes marked, without wrapping long lines', () => {
    const long = 'word '.repeat(40).trim();
    const text = sanitisedHtmlToText(`<p>${long}</p><blockquote>quoted line</blockquote><ul><li>one</li><li>two</li></ul>`);
    expect(text.split('\n')[0]).toBe(long);
    expect(text).toContain('> quoted line');
    expect(text).toContain(' * one\n * two');
  });

  it('strips tags of a huge body instead of laying it out', () => {
    const text = sanitisedHtmlToText(`<p>${'a&amp;b '.repeat(300_000)}</p><p>end</p>`);
    expect(text.startsWith('a&b a&b')).toBe(true);
    expect(text.endsWith('end')).toBe(true);
  });
});
