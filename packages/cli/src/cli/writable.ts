import { mkdtempSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { fileError } from '../io/file-errors';

/**
 * Proves before long work that an output folder can be created where it should go: a temporary
 * folder is made (and removed) in its parent, so a read-only or otherwise unwritable location
 * fails in one line now, not after hours of training. (Permission bits alone cannot tell: root
 * may write anywhere but on a read-only file system.)
 */
export function checkCanCreate(outDir: string): void {
  const parent = dirname(outDir);
  let probe: string;
  try {
    probe = mkdtempSync(join(parent, '.sparsepixels-probe-'));
  } catch (err) {
    const e = fileError(err, 'write', outDir);
    if (e instanceof SparsePixelsError)
      throw new SparsePixelsError(
        e.code,
        `cannot create the output folder here: ${e.message.slice(outDir.length + 2).replace(/^cannot write the file: /, '')}`,
        outDir,
      );
    throw e;
  }
  rmdirSync(probe);
}
