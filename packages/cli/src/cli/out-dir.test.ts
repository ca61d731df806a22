import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from './out-dir';

// --force overwrites an output file only if its first bytes are those of the format the command
// writes (issue 14 item 1: never another kind of file).
const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));

describe('OUTPUT_FORMATS', () => {
  it.each([
    ['.npz', bytes([0x50, 0x4b, 3, 4, 20, 0]), true], // a zip with a first entry
    ['.npz', bytes([0x50, 0x4b, 5, 6, 0, 0]), true], // an empty zip
    ['.npz', bytes('PK but not a zip'), false],
    ['.npz', bytes('my notes'), false],
    ['.npy', bytes([0x93, ...bytes('NUMPY'), 1, 0]), true],
    ['.npy', bytes('NUMPY'), false],
    ['.json', bytes('{\n  "format": "sparsepixels-ir",\n  "version": 1'), true],
    ['.json', bytes('{"format":"sparsepixels-ir"}'), true],
    ['.json', bytes('{ "name": "my settings" }'), false],
    ['.json', bytes('[1, 2]'), false],
    ['.json', bytes(''), false],
  ])('%s %j: %s', (ext, head, ok) => {
    expect(OUTPUT_FORMATS[ext]!.looksLike(head as Uint8Array)).toBe(ok);
  });
});
