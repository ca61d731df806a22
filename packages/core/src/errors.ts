/**
 * The one error type of the project. `code` is a stable catalogue code (e.g. `SP_TYPE_SYNTAX`),
 * `message` is one line that names the offending value and what is allowed, and `where` locates it
 * (a JSON pointer, `layer "conv1"`, `file:line`) when there is a place to name.
 */
export class SparsePixelsError extends Error {
  override readonly name = 'SparsePixelsError';
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

/** Throws a SparsePixelsError when `cond` is false; the message is built lazily. */
export function check(cond: boolean, code: string, message: () => string, where?: string): asserts cond {
  if (!cond) throw new SparsePixelsError(code, message(), where);
}
