import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';

/**
 * Checks an output folder before any work starts: it may be missing or empty; a non-empty folder
 * needs --force; a file in its place, or a missing parent folder, is refused.
 */
export function checkOutDir(dir: string, force: boolean): void {
  if (!existsSync(dir)) {
    const parent = dirname(dir);
    if (!existsSync(parent) || !statSync(parent).isDirectory())
      throw new SparsePixelsError(
        'SP_FILE_WRITE',
        `cannot create the folder: parent folder '${parent}' does not exist`,
        dir,
      );
    return;
  }
  if (!statSync(dir).isDirectory())
    throw new SparsePixelsError('SP_FILE_EXISTS', 'the output path exists and is not a folder', dir);
  if (readdirSync(dir).length > 0 && !force)
    throw new SparsePixelsError(
      'SP_FILE_EXISTS',
      'the output folder is not empty; pass --force to replace it',
      dir,
    );
}

/** Checks an output file: its folder must exist; an existing file needs --force. */
export function checkOutFile(file: string, force: boolean): void {
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new SparsePixelsError(
      'SP_FILE_WRITE',
      `cannot write the file: directory '${dir}' does not exist`,
      file,
    );
  if (existsSync(file) && !force)
    throw new SparsePixelsError(
      'SP_FILE_EXISTS',
      'the file already exists; pass --force to overwrite it',
      file,
    );
}

/**
 * Fills a new folder and moves it into place only when `fill` succeeds: the work happens in a
 * temporary sibling, so a failed or interrupted run leaves nothing half-written. An existing
 * target (allowed by checkOutDir with --force) is replaced.
 */
export async function writeFolderAtomic(dir: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    await fill(tmp);
    if (existsSync(dir)) {
      const old = `${tmp}-old`;
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
