import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';

export interface FolderFile {
  readonly path: string;
  readonly content: string;
  readonly executable?: boolean;
}

export interface FolderCopy {
  readonly from: string;
  readonly to: string;
}

/**
 * Writes a project folder atomically: into a temporary sibling renamed into place when complete,
 * so a failure never leaves a half-written folder. A non-empty `outDir` is refused unless `force`.
 * (The one place this package writes a project; the shared writer of @sparsepixels/ir replaces it
 * when it exists.)
 */
export function writeProjectFolder(outDir: string, files: readonly FolderFile[], copies: readonly FolderCopy[], force: boolean): string {
  const target = resolve(outDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new SparsePixelsError('SP_OUT_EXISTS', 'the output path is a file', target);
    if (readdirSync(target).length > 0 && !force) {
      throw new SparsePixelsError('SP_OUT_EXISTS', 'the output folder is not empty; pass force to replace it', target);
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    mkdirSync(tmp);
    for (const c of copies) cpSync(c.from, join(tmp, c.to), { recursive: true });
    for (const f of files) {
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content, { mode: f.executable ? 0o755 : 0o644 });
    }
    if (existsSync(target)) {
      const old = `${tmp}-old`;
      renameSync(target, old);
      renameSync(tmp, target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (err instanceof SparsePixelsError) throw err;
    throw new SparsePixelsError('SP_WRITE_FAILED', `cannot write the project: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, target);
  }
  return target;
}
