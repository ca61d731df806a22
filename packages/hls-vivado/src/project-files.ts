import { closeSync, cpSync, openSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a large file's text in pieces (test-bench data), so it never sits in memory whole. It runs
 * synchronously: an interrupt that arrives meanwhile is handled once the file is written.
 */
export type StreamedContent = (write: (chunk: string) => void) => void;

/** One generated file: a path relative to the project folder and its text. */
export interface ProjectFile {
  readonly path: string;
  readonly content: string;
  /** Mark executable (shell scripts). */
  readonly executable?: boolean;
}

/** A generated file too large for one string (the test-bench data), written by its writer. */
export interface StreamedFile {
  readonly path: string;
  readonly content: StreamedContent;
}

/** A folder copied verbatim into the project (e.g. the shared C++ headers). */
export interface ProjectCopy {
  readonly from: string;
  readonly to: string;
}

/**
 * Writes the files and copies into `dir` (the temporary folder of writeOutputFolder). The writes
 * are asynchronous so that an interrupt is handled between files, not after the last one.
 */
export async function fillProject(
  dir: string,
  files: readonly (ProjectFile | StreamedFile)[],
  copies: readonly ProjectCopy[],
): Promise<void> {
  for (const copy of copies) cpSync(copy.from, join(dir, copy.to), { recursive: true });
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    if (typeof file.content === 'string') await writeFile(path, file.content, { mode: 'executable' in file && file.executable ? 0o755 : 0o644 });
    else writeStreamed(path, file.content);
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
