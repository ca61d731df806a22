import { lstatSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { findForeignEntry, OUTPUT_MARKER_FILE, readOutputMarker } from './output-marker';

/** What a command is about to write into an output folder. */
export interface OutputFolderCheck {
  /** What the folder will hold, e.g. 'hls-project' or 'trained-model'; --force replaces only the same kind. */
  readonly kind: string;
  /** Replace an existing folder that sparsepixels wrote (never anything else). */
  readonly force?: boolean;
  /** Files or folders the command reads: a folder holding one of them is never an output folder. */
  readonly inputFiles?: readonly string[];
  /** Create missing parent folders (library callers); by default a missing parent is refused. */
  readonly createParents?: boolean;
}

const fail = (code: string, message: string, where: string): never => {
  throw new SparsePixelsError(code, message, where);
};

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** How a path is shown in messages: relative to the working folder when below it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Folders that are never written or replaced: '/', the home folder, the working folder and every
 * folder holding it, and any folder holding an input of the command.
 */
export function checkNotProtected(dir: string, inputFiles: readonly string[] = []): void {
  const real = realOrSelf(dir);
  const next = 'choose a new folder, or one that sparsepixels wrote';
  if (real === resolve('/')) fail('SP_OUTPUT_PROTECTED', `is the root folder; ${next}`, dir);
  if (real === realOrSelf(homedir())) fail('SP_OUTPUT_PROTECTED', `is the home folder; ${next}`, dir);
  const cwd = realOrSelf(process.cwd());
  if (real === cwd) fail('SP_OUTPUT_PROTECTED', `is the current folder; ${next}`, dir);
  if (within(cwd, real)) fail('SP_OUTPUT_PROTECTED', `holds the current folder; ${next}`, dir);
  for (const input of inputFiles) {
    if (within(realOrSelf(input), real)) {
      fail('SP_OUTPUT_PROTECTED', `holds the input '${shownPath(resolve(input))}'; ${next}`, dir);
    }
  }
}

/**
 * Why `force` may not replace the existing folder `dir`, or undefined when it may: it must carry
 * our marker for the same kind and hold nothing the marker does not list, unchanged.
 */
export function replaceProblem(dir: string, kind: string): { code: string; message: string } | undefined {
  const marker = readOutputMarker(dir);
  if (!marker) {
    return {
      code: 'SP_OUTPUT_FOREIGN',
      message: `the folder was not written by sparsepixels (it has no ${OUTPUT_MARKER_FILE}); nothing was replaced`,
    };
  }
  if (marker.kind !== kind) {
    return { code: 'SP_OUTPUT_FOREIGN', message: `the folder holds a ${marker.kind}, not a ${kind}; nothing was replaced` };
  }
  const foreign = findForeignEntry(dir, marker);
  if (!foreign) return undefined;
  const what =
    foreign.reason === 'changed'
      ? `'${foreign.path}' was changed after sparsepixels wrote it`
      : `the folder holds '${foreign.path}', which sparsepixels did not write`;
  return { code: 'SP_OUTPUT_FOREIGN', message: `${what}; move it away or choose another folder (nothing was replaced)` };
}

/**
 * Checks an output folder before any work starts (writeOutputFolder checks again before it
 * writes). Allowed: a missing folder in an existing parent (any parent with `createParents`), an
 * empty folder, and with `force` a folder this tool wrote (see replaceProblem). Refused, with a
 * one-line SparsePixelsError: a protected folder (checkNotProtected), a file or symbolic link, a
 * missing parent, a non-empty folder without `force`.
 */
export function checkOutputFolder(target: string, check: OutputFolderCheck): void {
  const dir = resolve(target);
  const st = lstatOrNull(dir);
  if (!st) {
    const parent = dirname(dir);
    if (!check.createParents && !lstatOrNull(parent)?.isDirectory()) {
      fail('SP_OUTPUT_PARENT', `cannot create the folder: the parent folder '${parent}' does not exist`, dir);
    }
    return;
  }
  if (st.isSymbolicLink()) fail('SP_OUTPUT_NOT_FOLDER', 'is a symbolic link; name the folder itself', dir);
  if (!st.isDirectory()) fail('SP_OUTPUT_NOT_FOLDER', 'the output path exists and is not a folder', dir);
  checkNotProtected(dir, check.inputFiles);
  if (readdirSync(dir).length === 0) return;
  if (!check.force) {
    fail('SP_OUTPUT_EXISTS', 'the output folder is not empty; pass --force to replace a folder that sparsepixels wrote', dir);
  }
  const problem = replaceProblem(dir, check.kind);
  if (problem) fail(problem.code, problem.message, dir);
}
