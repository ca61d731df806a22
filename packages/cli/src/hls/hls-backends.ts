import { SparsePixelsError } from '@sparsepixels/core';
import { vivadoBackend, type HlsBackend } from '@sparsepixels/hls-vivado';
import { vitisBackend } from '@sparsepixels/hls-vitis';
import { didYouMean } from '@sparsepixels/ir';

/** The HLS backends the CLI offers (importing the packages also registers them with ir). */
export const HLS_BACKENDS: readonly HlsBackend[] = Object.freeze([vivadoBackend, vitisBackend]);

export function findHlsBackend(name: string): HlsBackend {
  const b = HLS_BACKENDS.find((x) => x.name === name);
  if (b) return b;
  const names = HLS_BACKENDS.map((x) => x.name);
  throw new SparsePixelsError(
    'SP_CLI_USAGE',
    `unknown backend '${name}'; choose one of ${names.join(', ')}${didYouMean(name, names)}`,
  );
}
