import { cpSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One generated file: a path relative to the project folder and its text. */
export interface ProjectFile {
  readonly path: string;
  readonly content: string;
  /** Mark executable (shell scripts). */
  readonly executable?: boolean;
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
export async function fillProject(dir: string, files: readonly ProjectFile[], copies: readonly ProjectCopy[]): Promise<void> {
  for (const copy of copies) cpSync(copy.from, join(dir, copy.to), { recursive: true });
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content, { mode: file.executable ? 0o755 : 0o644 });
  }
}
