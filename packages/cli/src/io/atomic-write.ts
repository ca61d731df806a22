import { closeSync, fsyncSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { onInterrupt } from '@sparsepixels/ir';
import { basename, dirname, join } from 'node:path';
import type { ByteSink } from '@sparsepixels/import';
import { fileError } from './file-errors';

export type { ByteSink };

let counter = 0;

/** fs.writeSync takes at most 2^31 - 1 bytes per call; larger arrays go in slices of 1 GiB. */
const MAX_WRITE = 2 ** 30;

function writeAll(fd: number, chunk: Uint8Array, position: number | null): void {
  let done = 0;
  while (done < chunk.length) {
    const n = Math.min(MAX_WRITE, chunk.length - done);
    done += writeSync(fd, chunk, done, n, position === null ? null : position + done);
  }
}

/** A ByteSink on an open file descriptor (sequential writes, positional patches). */
function fileSink(fd: number): ByteSink {
  let position = 0;
  return {
    write(chunk) {
      writeAll(fd, chunk, null);
      position += chunk.length;
    },
    get position() {
      return position;
    },
    patch(offset, bytes) {
      writeAll(fd, bytes, offset);
    },
  };
}

/**
 * Writes a file so that it is never seen half-written: `body` streams chunks into a temporary file
 * beside the target, which is flushed and renamed into place only when `body` returns. On any
 * failure the temporary file is removed and the target is left as it was. Chunks of any size are
 * fine (they are written in slices), so memory stays bounded by what `body` holds at a time.
 */
export function writeFileAtomic(path: string, body: (sink: ByteSink) => void): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  // with a handler installed, SIGINT/SIGTERM wait for this synchronous write, then remove the
  // temporary file if it is still there (see onInterrupt) instead of killing the process mid-write
  const release = onInterrupt(() => rmSync(tmp, { force: true }));
  try {
    writeThrough(tmp, path, body);
  } finally {
    release();
  }
}

function writeThrough(tmp: string, path: string, body: (sink: ByteSink) => void): void {
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (err) {
    throw fileError(err, 'write', path);
  }
  let open = true;
  try {
    body(fileSink(fd));
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    if (open) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file is already gone
    }
    throw fileError(err, 'write', path);
  }
}
