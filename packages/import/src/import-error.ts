import { SparsePixelsError } from '@sparsepixels/core';

/**
 * Every refusal of the importer: one line naming the place (`layer "conv1"`, a file member) and
 * what is missing. Nothing the importer cannot reproduce exactly is approximated.
 */
export function importError(where: string, message: string): SparsePixelsError {
  return new SparsePixelsError('SP_IMPORT', message, where);
}

/** `layer "name" (Class)`: how refusals name a Keras layer. */
export function layerWhere(name: string, className?: string): string {
  return className ? `layer "${name}" (${className})` : `layer "${name}"`;
}
