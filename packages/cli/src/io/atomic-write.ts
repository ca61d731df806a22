import { closeSync, fsyncSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { onInterrupt } from '@sparsepixels/ir';
import { basename, dirname, join } from 'node:path';
import { fileError } from './file-errors';

let counter = 0;

/**
 * Writes a file so that it is never seen half-written: `body` streams chunks into a temporary file
 * beside the target, which is flushed and renamed into place only when `body` returns. On any
 * failure the temporary file is removed and the target is left as it was.
 */
export function writeFileAtomic(path: string, body: (write: (chunk: Uint8Array) => void) => void): void {
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

function writeThrough(tmp: string, path: string, body: (write: (chunk: Uint8Array) => void) => void): void {
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (err) {
    throw fileError(err, 'write', path);
  }
  let open = true;
  try {
    body((chunk) => {
      let done = 0;
      while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
    });
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
