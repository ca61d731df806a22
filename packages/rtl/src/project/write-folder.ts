import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeOutputFolder } from '@sparsepixels/ir';
import pkg from '../../package.json';

export interface FolderFile {
  readonly path: string;
  readonly content: string;
  readonly executable?: boolean;
}

export interface FolderCopy {
  readonly from: string;
  readonly to: string;
}

export interface WriteFolderOptions {
  /** Replace a project folder that sparsepixels wrote (never anything else). */
  readonly force: boolean;
  /** Files the caller read: a folder holding one is never replaced. */
  readonly inputFiles?: readonly string[];
}

/**
 * Writes the project through ir's writeOutputFolder: atomically (a temporary sibling renamed into
 * place), with the marker that lets `force` replace only a project sparsepixels wrote. Kind
 * 'hls-project' like the HLS backends (the marker records backend 'rtl'), so `convert --force`
 * treats every backend's project the same way.
 */
export async function writeProjectFolder(
  outDir: string,
  files: readonly FolderFile[],
  copies: readonly FolderCopy[],
  options: WriteFolderOptions,
): Promise<string> {
  const written = await writeOutputFolder(
    outDir,
    { kind: 'hls-project', backend: 'rtl', version: pkg.version, force: options.force, inputFiles: options.inputFiles ?? [], createParents: true },
    (tmp) => {
      for (const c of copies) cpSync(c.from, join(tmp, c.to), { recursive: true });
      for (const f of files) {
        const path = join(tmp, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content);
        if (f.executable) chmodSync(path, 0o755);
      }
    },
  );
  return written.dir;
}
