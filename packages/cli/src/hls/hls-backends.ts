import { SparsePixelsError } from '@sparsepixels/core';
import { vivadoBackend, type HlsBackend } from '@sparsepixels/hls-vivado';
import { vitisBackend } from '@sparsepixels/hls-vitis';
import { didYouMean, listBackends, type Backend } from '@sparsepixels/ir';

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

/** Whether a backend is one of ours (an HLS project with a test bench and C simulation). */
export function isHlsBackend(b: Backend): b is HlsBackend {
  return HLS_BACKENDS.includes(b as HlsBackend);
}

/** Any registered backend: ours, or one a --plugin registered. */
export function findBackend(name: string): Backend {
  const all = [
    ...HLS_BACKENDS,
    ...listBackends().filter((b) => !HLS_BACKENDS.some((h) => h.name === b.name)),
  ];
  const b = all.find((x) => x.name === name);
  if (b) return b;
  const names = all.map((x) => x.name);
  const plugin =
    all.length === HLS_BACKENDS.length ? ' (load an outside backend with --plugin <package-or-path>)' : '';
  throw new SparsePixelsError(
    'SP_CLI_USAGE',
    `unknown backend '${name}'; choose one of ${names.join(', ')}${didYouMean(name, names)}${plugin}`,
  );
}
