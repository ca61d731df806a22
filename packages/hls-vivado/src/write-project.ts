import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';

/** Writes a large file's text in pieces (test-bench data), so it never sits in memory whole. */
export type StreamedContent = (write: (chunk: string) => void) => void;

/** One generated file: a path relative to the project folder and its text (or a writer of it). */
export interface ProjectFile {
  readonly path: string;
  readonly content: string | StreamedContent;
  /** Mark executable (shell scripts). */
  readonly executable?: boolean;
}

/** A folder copied verbatim into the project (e.g. the shared C++ headers). */
export interface ProjectCopy {
  readonly from: string;
  readonly to: string;
}

export interface WriteProjectOptions {
  /** Replace an existing non-empty folder. */
  readonly force?: boolean;
}

/**
 * Writes a project atomically: everything goes into a temporary sibling folder that is renamed
 * into place only when complete, so a failure never leaves a half-written project. An existing
 * non-empty `outDir` is refused unless `force`. Returns the absolute project path.
 */
export function writeProject(
  outDir: string,
  files: readonly ProjectFile[],
  copies: readonly ProjectCopy[],
  options: WriteProjectOptions = {},
): string {
  const target = resolve(outDir);
  assertWritable(target, options.force === true);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    mkdirSync(tmp);
    for (const copy of copies) cpSync(copy.from, join(tmp, copy.to), { recursive: true });
    for (const file of files) {
      const path = join(tmp, file.path);
      mkdirSync(dirname(path), { recursive: true });
      if (typeof file.content === 'string') writeFileSync(path, file.content, { mode: file.executable ? 0o755 : 0o644 });
      else writeStreamed(path, file.content);
    }
    replaceFolder(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (err instanceof SparsePixelsError) throw err;
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new SparsePixelsError('SP_WRITE_FAILED', `cannot write the project: ${message}`, target);
  }
  return target;
}

function writeStreamed(path: string, content: StreamedContent): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    content((chunk) => void writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

/** Moves `tmp` to `target`; an old `target` is moved aside first and deleted only afterwards. */
function replaceFolder(tmp: string, target: string): void {
  if (!existsSync(target)) {
    renameSync(tmp, target);
    return;
  }
  const old = `${tmp}-old`;
  renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (err) {
    renameSync(old, target);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

function assertWritable(target: string, force: boolean): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    throw new SparsePixelsError('SP_OUTPUT_EXISTS', 'the output path exists and is not a folder', target);
  }
  if (readdirSync(target).length > 0 && !force) {
    throw new SparsePixelsError(
      'SP_OUTPUT_EXISTS',
      'the output folder exists and is not empty; choose another folder or use --force to replace it',
      target,
    );
  }
}
