import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('continues over chunks and agrees with zlib on random bytes', () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 2654435761) >>> 24);
    const whole = crc32(bytes);
    expect(crc32(bytes.subarray(3000), crc32(bytes.subarray(0, 3000)))).toBe(whole);
    // node:zlib.crc32 exists from Node 20.15 / 22.2; compare when present
    if (typeof zlibCrc32 === 'function') expect(whole).toBe(zlibCrc32(bytes));
  });
});
