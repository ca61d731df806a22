/** Name lookups and option checks shared by the training commands (train, prune-sweep). */
import { SparsePixelsError } from '@sparsepixels/core';
import { didYouMean } from '@sparsepixels/ir';

export function pick<T extends { name: string }>(what: string, name: string, all: readonly T[]): T {
  const found = all.find((x) => x.name === name);
  if (found) return found;
  const names = all.map((x) => x.name);
  throw new SparsePixelsError(
    'SP_CLI_USAGE',
    `unknown ${what} '${name}'; choose one of ${names.join(', ')}${didYouMean(name, names)}`,
  );
}

export function parseBits(v: unknown): number {
  const bits = Number(v);
  if (bits !== 8 && bits !== 16)
    throw new SparsePixelsError('SP_CLI_USAGE', `--bits ${String(v)} is not allowed; use 8 or 16`);
  return bits;
}
