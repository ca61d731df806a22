import { describe, expect, it } from 'vitest';
import { jsonErrorDetail } from './json-error';

const detail = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonErrorDetail(text, e);
  }
  return 'parsed';
};

describe('jsonErrorDetail', () => {
  it('names binary files by their first bytes instead of echoing them', () => {
    expect(detail('PK\u0003\u0004\u0014\u0000\u0000')).toBe(
      'it is a binary file, a ZIP archive (an .npz?) (first bytes 50 4b 03 04)',
    );
    expect(detail('\u007fELF\u0002\u0001\u0001\u0000')).toBe(
      'it is a binary file, an executable (first bytes 7f 45 4c 46)',
    );
    expect(detail('\u0000\u0001junk')).toBe('it is a binary file (first bytes 00 01 6a 75)');
    // an .npy read as UTF-8: its 0x93 byte became U+FFFD
    expect(detail(Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).toString('utf8'))).toBe(
      'it is a binary file, an .npy array',
    );
  });

  it("keeps JSON.parse's reason for text, with control characters escaped", () => {
    expect(detail('{"a": 1,}')).toMatch(/^Expected double-quoted property name in JSON at position 8/);
    expect(detail('{"a": "x\u001by"}').includes('\u001b')).toBe(false);
  });
});
