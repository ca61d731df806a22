import { SparsePixelsError } from '../errors';

/** `CODE: message` of the SparsePixelsError that f throws (fails the test if it throws nothing else). */
export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SparsePixelsError) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a SparsePixelsError, nothing was thrown');
}
