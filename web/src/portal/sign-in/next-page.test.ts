import { describe, expect, it } from 'vitest';
import { nextPage } from './next-page.ts';

describe('where sign-in leads', () => {
  it('back to the page the person was going to', () => {
    expect(nextPage('/requests/IT-42')).toBe('/requests/IT-42');
    expect(nextPage('/?q=laptop')).toBe('/?q=laptop');
  });

  it('never off the site', () => {
    for (const hostile of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null]) {
      expect(nextPage(hostile)).toBe('/');
    }
  });
});
