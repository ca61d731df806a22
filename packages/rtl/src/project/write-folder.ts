import { fillFolder, writeOutputFolder, type FolderCopy, type FolderFile } from '@sparsepixels/ir';
import pkg from '../../package.json';

export type { FolderCopy, FolderFile } from '@sparsepixels/ir';

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
    (tmp) => fillFolder(tmp, files, copies),
  );
  return written.dir;
}
