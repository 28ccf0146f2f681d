import { describe, expect, it } from 'vitest';
import { bytesFromBase64, bytesFromHex, constantTimeEqual, rawBytes, singleHeader } from './signature-check.ts';
import { isWithinWindow, parseUnixSeconds } from './timestamp-window.ts';

describe('the shared pieces of signature checks', () => {
  it('compares bytes of unequal length as unequal instead of throwing', () => {
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('ab'))).toBe(false);
    expect(constantTimeEqual(Buffer.alloc(0), Buffer.from('a'))).toBe(false);
  });

  it('decodes only well-formed hex and base64 (Node would quietly decode the junk)', () => {
    expect(bytesFromHex('0aFf')).toEqual(Buffer.from([0x0a, 0xff]));
    expect(bytesFromHex('0aF')).toBeNull();
    expect(bytesFromHex('0g')).toBeNull();
    expect(bytesFromHex('')).toBeNull();
    expect(bytesFromBase64('aGk=')).toEqual(Buffer.from('hi'));
    expect(bytesFromBase64('aGk')).toBeNull();
    expect(bytesFromBase64('a*Gk=')).toBeNull();
    expect(bytesFromBase64('aG-k')).toBeNull(); // URL-safe alphabet is not what providers send
    expect(bytesFromBase64('')).toBeNull();
  });

  it('takes one header value, treating blank as missing and repeated as malformed', () => {
    expect(singleHeader(undefined)).toBe('missing');
    expect(singleHeader('')).toBe('missing');
    expect(singleHeader([])).toBe('missing');
    expect(singleHeader(['a', 'b'])).toBe('malformed');
    expect(singleHeader(' value ')).toBe('value');
  });

  it('keeps a byte body as it is and encodes a string body as UTF-8', () => {
    const view = new Uint8Array([0xff, 0x00, 0xc3, 0xa9]).subarray(1, 3);
    expect(rawBytes(view)).toEqual(Buffer.from([0x00, 0xc3]));
    expect(rawBytes('é')).toEqual(Buffer.from([0xc3, 0xa9]));
  });

  it('reads Unix seconds strictly and checks a symmetric window', () => {
    expect(parseUnixSeconds('1764158400')).toBe(1764158400);
    expect(parseUnixSeconds('1764158400000000')).toBeNull();
    expect(parseUnixSeconds(' 1')).toBeNull();
    expect(isWithinWindow(0, 300_000, 300)).toBe(true);
    expect(isWithinWindow(0, 300_001, 300)).toBe(false);
    expect(isWithinWindow(300_001, 0, 300)).toBe(false);
  });
});
