import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SparsePixelsError } from '@sparsepixels/core';
import { bufferSource, type ByteSource } from '@sparsepixels/import';
import { fileError } from './file-errors';

// The ZIP reader and its ByteSource live in @sparsepixels/import (the .keras reader uses them too).
export { bufferSource, type ByteSource };

/**
 * Opens `path` for reading and runs `use` with a ByteSource over it, then closes it. File-system
 * failures become one-line errors naming the file (`expected` says what kind of file was wanted).
 */
export function withFileSource<T>(path: string, expected: string, use: (src: ByteSource) => T): T {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw fileError(err, 'read', path);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new SparsePixelsError(
        'SP_FILE_READ',
        `cannot read the file: it is not a regular file (expected ${expected})`,
        path,
      );
    const size = st.size;
    return use({
      size,
      read(offset, length) {
        const end = Math.min(size, offset + length);
        const out = Buffer.allocUnsafe(Math.max(0, end - offset));
        let done = 0;
        while (done < out.length) {
          // readSync takes at most 2^31 - 1 bytes per call
          const n = readSync(fd, out, done, Math.min(2 ** 30, out.length - done), offset + done);
          if (n === 0) break;
          done += n;
        }
        return out.subarray(0, done);
      },
    });
  } catch (err) {
    throw fileError(err, 'read', path);
  } finally {
    closeSync(fd);
  }
}

/**
 * Bytes [offset, offset + length) of a file, opened and closed around the read (slices of large
 * arrays); fewer bytes come back only at the end of the file.
 */
export function readRange(path: string, offset: number, length: number): Uint8Array {
  return withFileSource(path, 'a regular file', (src) => src.read(offset, length));
}

/** The whole file (works past the 2 GiB limit of readFileSync, up to the 4 GiB Buffer limit). */
export function readInputFile(path: string, expected: string): Uint8Array {
  return withFileSource(path, expected, (src) => src.read(0, src.size));
}
