import { SparsePixelsError } from '@sparsepixels/core';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent path is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'it already exists',
};

/** Turns a Node file-system error into a one-line SparsePixelsError naming the path; other errors pass through. */
export function fileError(err: unknown, action: 'read' | 'write', path: string): unknown {
  if (err instanceof SparsePixelsError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  // system errors only (ENOENT, EACCES, ...); Node's own ERR_* codes are bugs, not bad input
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return err;
  const reason = REASONS[code] ?? code;
  const spCode =
    code === 'ENOENT' && action === 'read'
      ? 'SP_FILE_NOT_FOUND'
      : action === 'read'
        ? 'SP_FILE_READ'
        : 'SP_FILE_WRITE';
  return new SparsePixelsError(spCode, `cannot ${action} the file: ${reason}`, path);
}
