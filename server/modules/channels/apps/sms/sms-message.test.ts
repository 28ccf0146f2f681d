import { describe, expect, it } from 'vitest';
import { SMS_TEXT_LIMIT, smsText } from './sms-message.ts';

const link = 'https://hallway.test/requests/IT-42';

describe('smsText', () => {
  it('names the request and links to it', () => {
    expect(smsText('IT-42', 'Your laptop is ready.\n\nCollect it at the desk.', link)).toBe(
      `IT-42: Your laptop is ready. Collect it at the desk.\n${link}`,
    );
  });

  it('cuts a long reply to the limit, on a word, and keeps the link', () => {
    const text = smsText('IT-42', 'word '.repeat(300), link);
    expect(Array.from(text).length).toBeLessThanOrEqual(SMS_TEXT_LIMIT);
    expect(text).toMatch(/word…\nhttps:\/\/hallway\.test\/requests\/IT-42$/);
  });

  it('never cuts an emoji in half', () => {
    const text = smsText('IT-42', '😞'.repeat(600), link);
    expect(Array.from(text).length).toBeLessThanOrEqual(SMS_TEXT_LIMIT);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
