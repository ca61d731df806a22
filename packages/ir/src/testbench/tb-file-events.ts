import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SparsePixelsError } from '@sparsepixels/core';
import type { InputEvents } from '../input-events';
import { parseInputEvents } from './tb-data';

const CHUNK = 1 << 24;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
}

/**
 * The events of a test-bench input file (one event per line, as writeInputEvents writes them)
 * read in slices: a first pass indexes where each non-blank line starts and ends (16 bytes per
 * event), then `read` parses only the lines asked for. `file` names it in errors.
 */
export function tbFileEvents(path: string, eventSize: number, file: string): InputEvents {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? String(err));
    throw new SparsePixelsError('SP_CSIM_PROJECT', `cannot read the test-bench input: ${why}`, file);
  }
  const starts: number[] = [];
  const ends: number[] = [];
  const lineNumbers: number[] = [];
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(CHUNK);
    let lineStart = 0;
    let lineNo = 1;
    let blank = true;
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, size - pos), pos);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === 0x0a) {
          if (!blank) {
            starts.push(lineStart);
            ends.push(pos + i);
            lineNumbers.push(lineNo);
          }
          lineNo++;
          lineStart = pos + i + 1;
          blank = true;
        } else if (blank && !isSpace(b)) blank = false;
      }
      pos += n;
    }
    if (!blank) {
      starts.push(lineStart);
      ends.push(size);
      lineNumbers.push(lineNo);
    }
  } finally {
    closeSync(fd);
  }
  return {
    count: starts.length,
    eventSize,
    read(start, n) {
      if (n === 0) return new Float64Array(0);
      const from = starts[start]!;
      const to = ends[start + n - 1]!;
      const bytes = Buffer.allocUnsafe(to - from);
      const h = openSync(path, 'r');
      try {
        let done = 0;
        while (done < bytes.length) {
          const k = readSync(h, bytes, done, Math.min(1 << 30, bytes.length - done), from + done);
          if (k === 0)
            throw new SparsePixelsError(
              'SP_CSIM_PROJECT',
              'the test-bench input changed while it was read',
              file,
            );
          done += k;
        }
      } finally {
        closeSync(h);
      }
      // blank lines between events would shift the numbering; the writer never emits them
      return parseInputEvents(bytes.toString('latin1'), eventSize, file, lineNumbers[start]!);
    },
  };
}
