import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { onInterrupt } from './interrupt';
import { checkOutputFolder, replaceProblem, type OutputFolderCheck } from './output-guard';
import { listOutputFiles, OUTPUT_MARKER_FILE, OWNER_FILE, readOutputMarker, type OutputMarker } from './output-marker';
import { createOwnedTempDir, processAlive, reapMatching } from './owned-temp';

export interface OutputFolderOptions extends OutputFolderCheck {
  /** Version of the package that writes (recorded in the marker). */
  readonly version: string;
  /** The backend that writes, for projects (recorded in the marker). */
  readonly backend?: string;
}

export interface WrittenFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  /** The files written, relative, sorted (the marker's list). */
  readonly files: readonly string[];
}

// Our temporary names beside the target: `.<name>.sp-tmp-<pid>-<hex>` (being written) and
// `.<name>.sp-old-<pid>-<hex>` (the folder --force replaces, between two renames).
const TMP = /^\..+\.sp-tmp-(\d+)-[0-9a-z]+$/;
const OLD = /^\.(.+)\.sp-old-(\d+)-[0-9a-z]+$/;

const errnoOf = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/**
 * Writes an output folder atomically and marks it as ours: `fill` writes into a temporary sibling
 * (removed again on failure or on SIGINT/SIGTERM/SIGHUP), the marker (OUTPUT_MARKER_FILE) listing
 * every file is added, and the folder is renamed into place. `force` replaces only a folder that
 * checkOutputFolder accepts; it is checked again right before it is replaced. If the target
 * appears while `fill` runs (another run), this run fails and leaves nothing behind.
 */
export async function writeOutputFolder(
  target: string,
  options: OutputFolderOptions,
  fill: (dir: string) => void | Promise<void>,
): Promise<WrittenFolder> {
  const dir = resolve(target);
  checkOutputFolder(dir, options);
  const parent = dirname(dir);
  reapStaleOutputTemps(parent);
  // the handler goes in first, so that no signal can arrive between mkdir and its registration
  let tmp = '';
  const release = onInterrupt(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  try {
    if (options.createParents) mkdirSync(parent, { recursive: true });
    tmp = createOwnedTempDir(parent, `.${basename(dir)}.sp-tmp-`);
    await fill(tmp);
    const entries = listOutputFiles(tmp);
    const marker: OutputMarker = {
      tool: 'sparsepixels',
      markerVersion: 1,
      kind: options.kind,
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      version: options.version,
      files: entries,
    };
    writeFileSync(join(tmp, OUTPUT_MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
    rmSync(join(tmp, OWNER_FILE), { force: true }); // the marker now identifies it (see reapMatching)
    moveIntoPlace(tmp, dir, options);
    return { dir, files: entries.map((e) => e.path) };
  } catch (err) {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    if (err instanceof SparsePixelsError) throw err;
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new SparsePixelsError('SP_WRITE_FAILED', `cannot write the folder: ${message}`, dir);
  } finally {
    release();
  }
}

/**
 * The last step. rename(2) moves a folder onto a missing or *empty* folder atomically and fails
 * (ENOTEMPTY or EEXIST) when the target is a non-empty folder, ENOTDIR when it is a file. Every
 * folder we write holds at least its marker, so a rename that succeeds can never replace another
 * run's output: of two runs racing for the same new target, exactly one rename succeeds. With
 * `force`, the old folder is first renamed aside to a name only this process uses, checked again
 * there (nobody can add to it any more), and deleted only after the new folder is in place.
 */
function moveIntoPlace(tmp: string, dir: string, options: OutputFolderOptions): void {
  let old: string | undefined;
  if (options.force && existsSync(dir) && readdirSync(dir).length > 0) {
    old = join(dirname(dir), `.${basename(dir)}.sp-old-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      renameSync(dir, old);
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw err;
      old = undefined; // another run moved it away meanwhile; race for the name below
    }
    const problem = old === undefined ? undefined : replaceProblem(old, options.kind);
    if (old !== undefined && problem) {
      restore(old, dir);
      throw new SparsePixelsError(problem.code, problem.message, dir);
    }
  }
  try {
    renameSync(tmp, dir);
  } catch (err) {
    // The old folder was checked to hold only our files; if its place is taken it can go.
    if (old !== undefined && !restore(old, dir)) rmSync(old, { recursive: true, force: true });
    const code = errnoOf(err);
    if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'ENOTDIR') {
      throw new SparsePixelsError(
        'SP_OUTPUT_RACE',
        'the output folder appeared while this run was writing it (another run?); this run wrote nothing',
        dir,
      );
    }
    throw err;
  }
  if (old !== undefined) rmSync(old, { recursive: true, force: true });
}

/** Moves a set-aside folder back; false when its place is taken (it is then left where it is). */
function restore(old: string, dir: string): boolean {
  try {
    renameSync(old, dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes what killed runs left in `parent`: temporary folders of dead processes, and set-aside
 * old folders, which go back into place when their place is empty (the run died between its two
 * renames) or are deleted when they hold only their marker's files.
 */
export function reapStaleOutputTemps(parent: string): void {
  reapMatching(parent, TMP);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = OLD.exec(name);
    if (!m || processAlive(Number(m[2]))) continue;
    const old = join(parent, name);
    const dir = join(parent, m[1]!);
    if (!existsSync(dir) && restore(old, dir)) continue;
    if (!replaceProblemAny(old)) rmSync(old, { recursive: true, force: true });
  }
}

/** replaceProblem for whatever kind the folder's marker names. */
function replaceProblemAny(dir: string): boolean {
  const marker = readOutputMarker(dir);
  return !marker || replaceProblem(dir, marker.kind) !== undefined;
}
