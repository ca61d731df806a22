/**
 * The file system side of the compressed weight store (the formats are pure functions in
 * @sparsepixels/core and @sparsepixels/sparse-weights): writing a store folder and reading one.
 * The folder is written by ir's writeOutputFolder (marker file, --force replaces only a store it wrote).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import type { StoreFile, StoreReader } from '@sparsepixels/sparse-weights';
import { fillFolder, writeOutputFolder } from '@sparsepixels/ir';
import { VERSION } from '../version';
import { fileError } from '../io/file-errors';

/**
 * Writes every file into a new folder (atomically: a failed run leaves nothing). writeOutputFolder
 * checks the folder (export-weights also checks it before any work).
 */
export async function writeStoreFolder(
  out: string,
  files: readonly StoreFile[],
  force: boolean,
  inputFiles: readonly string[] = [],
): Promise<void> {
  const entries = files.map((f) => ({ path: f.path, content: f.data }));
  await writeOutputFolder(out, { kind: 'weight-store', force, inputFiles, version: VERSION }, (tmp) => fillFolder(tmp, entries));
}

/** A reader over a store folder on disk (missing files read as undefined). */
export function storeFolderReader(dir: string): StoreReader {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SparsePixelsError(
      'SP_FILE_NOT_FOUND',
      'cannot read the weight store: no such folder (write one with export-weights)',
      dir,
    );
  }
  return (path) => {
    const file = join(dir, ...path.split('/'));
    if (!existsSync(file)) return undefined;
    try {
      return new Uint8Array(readFileSync(file));
    } catch (err) {
      throw fileError(err, 'read', file);
    }
  };
}
