import { closeSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';

/** The kind of file a command writes, recognised by its first bytes. */
export interface OutputFileFormat {
  /** In messages: 'an .npz file'. */
  readonly what: string;
  /** True when the file's first bytes (up to 256) look like this format. */
  looksLike(head: Uint8Array): boolean;
}

export interface OutputFileCheck {
  readonly format: OutputFileFormat;
  /** Overwrite an existing file of `format` (never a folder, a link, an input, or another kind of file). */
  readonly force?: boolean;
  /** Files the command reads: never overwritten, even with `force`. */
  readonly inputFiles?: readonly string[];
}

const fail = (code: string, message: string, where: string): never => {
  throw new SparsePixelsError(code, message, where);
};

function head(path: string): Uint8Array {
  const buf = new Uint8Array(256);
  const fd = openSync(path, 'r');
  try {
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/**
 * Checks an output file before any work starts: its folder must exist; an existing file is
 * refused without `force`, and with `force` replaced only if it is a regular file of the kind the
 * command writes and not one of its inputs. A folder is never replaced by a file.
 */
export function checkOutputFile(target: string, check: OutputFileCheck): void {
  const file = resolve(target);
  const parent = dirname(file);
  let pst: Stats | undefined;
  try {
    pst = lstatSync(realpathSync(parent));
  } catch {
    pst = undefined;
  }
  if (!pst?.isDirectory()) fail('SP_FILE_WRITE', `cannot write the file: directory '${parent}' does not exist`, file);
  let st: Stats;
  try {
    st = lstatSync(file);
  } catch {
    return; // a new file
  }
  if (st.isDirectory()) fail('SP_OUTPUT_NOT_FILE', 'is a folder; name a file to write', file);
  if (!st.isFile()) fail('SP_OUTPUT_NOT_FILE', 'exists and is not a regular file (a link or device); nothing was written', file);
  if ((check.inputFiles ?? []).some((input) => real(input) === real(file))) {
    fail('SP_OUTPUT_PROTECTED', 'is an input of this command; write the output to another file', file);
  }
  if (!check.force) fail('SP_FILE_EXISTS', 'the file already exists; pass --force to overwrite it', file);
  let bytes: Uint8Array;
  try {
    bytes = head(file);
  } catch {
    bytes = new Uint8Array(0);
  }
  if (!check.format.looksLike(bytes)) {
    fail('SP_OUTPUT_FOREIGN', `is not ${check.format.what} (its content does not start like one); it was not overwritten`, file);
  }
}
