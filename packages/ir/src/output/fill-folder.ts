import { closeSync, cpSync, openSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';

/**
 * Writes a large file's text in pieces (test-bench data), so it never sits in memory whole. It runs
 * synchronously: an interrupt that arrives meanwhile is handled once the file is written.
 */
export type StreamedContent = (write: (chunk: string) => void) => void;

/** One generated file: a path relative to the folder ('/' separators) and its text or bytes. */
export interface FolderFile {
  readonly path: string;
  readonly content: string | Uint8Array;
  /** Mark executable (shell scripts). */
  readonly executable?: boolean;
}

/** A generated file too large for one string (the test-bench data), written by its writer. */
export interface StreamedFile {
  readonly path: string;
  readonly content: StreamedContent;
}

/** A file or folder copied verbatim into the folder (e.g. the shared C++ headers). */
export interface FolderCopy {
  readonly from: string;
  readonly to: string;
}

/** `dir`/`path`, refused when `path` would leave `dir` (absolute, or climbing out with '..'). */
function inside(dir: string, path: string, what: string): string {
  const full = join(dir, path);
  const rel = relative(dir, full);
  if (!path || isAbsolute(path) || rel === '' || rel.split(sep)[0] === '..' || isAbsolute(rel))
    throw new SparsePixelsError('SP_WRITE_FAILED', `${what} '${path}' is not a path inside the output folder`);
  return full;
}

/**
 * Fills a folder (the temporary folder of writeOutputFolder) with copies first, then files; text,
 * bytes or streamed text. Every path must stay inside the folder. The writes are asynchronous so
 * that an interrupt is handled between files, not after the last one.
 */
export async function fillFolder(
  dir: string,
  files: readonly (FolderFile | StreamedFile)[],
  copies: readonly FolderCopy[] = [],
): Promise<void> {
  for (const copy of copies) cpSync(copy.from, inside(dir, copy.to, 'copy'), { recursive: true });
  for (const file of files) {
    const path = inside(dir, file.path, 'file');
    await mkdir(dirname(path), { recursive: true });
    if (typeof file.content === 'function') writeStreamed(path, file.content);
    else await writeFile(path, file.content, { mode: 'executable' in file && file.executable ? 0o755 : 0o644 });
  }
}

function writeStreamed(path: string, content: StreamedContent): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    content((chunk) => void writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}
