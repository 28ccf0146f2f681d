import { describe, expect, it } from 'vitest';
import { decodeEntities, snippetPieces } from './snippet.ts';

describe('a search snippet', () => {
  it('splits matched words from the text around them', () => {
    expect(snippetPieces('Reset your <mark>password</mark> from the <mark>sign-in</mark> page')).toEqual([
      { text: 'Reset your ', marked: false },
      { text: 'password', marked: true },
      { text: ' from the ', marked: false },
      { text: 'sign-in', marked: true },
      { text: ' page', marked: false },
    ]);
  });

  it('decodes the escaped text, so "<script>" shows as the words it is and never becomes markup', () => {
    const pieces = snippetPieces('Type &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; <mark>R&amp;D</mark> &#39;ok&#x27;');
    expect(pieces).toEqual([
      { text: 'Type <script>alert("hi")</script> & ', marked: false },
      { text: 'R&D', marked: true },
      { text: " 'ok'", marked: false },
    ]);
  });

  it('keeps a tag other than <mark> as visible text', () => {
    expect(snippetPieces('a <b>bold</b> <img src=x onerror=alert(1)> claim')).toEqual([
      { text: 'a <b>bold</b> <img src=x onerror=alert(1)> claim', marked: false },
    ]);
  });

  it('treats an unclosed <mark> as text, and joins adjacent marks into one', () => {
    expect(snippetPieces('<mark>wi</mark><mark>fi</mark> and <mark>vpn')).toEqual([
      { text: 'wifi', marked: true },
      { text: ' and <mark>vpn', marked: false },
    ]);
  });

  it('drops empty marks and is empty for an empty snippet', () => {
    expect(snippetPieces('')).toEqual([]);
    expect(snippetPieces('<mark></mark>plain')).toEqual([{ text: 'plain', marked: false }]);
  });

  it('leaves unknown or impossible references as written', () => {
    expect(decodeEntities('&copy; &bogus; &#0; &#xD800; &#1114112; &#8364;')).toBe('&copy; &bogus; &#0; &#xD800; &#1114112; €');
    // Decoded once only: an escaped ampersand before "lt;" is the text "&lt;", not "<".
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});
