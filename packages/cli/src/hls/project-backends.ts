import { SparsePixelsError } from '@sparsepixels/core';
import { didYouMean, type EmitOptions } from '@sparsepixels/ir';
import { rtlBackend } from '@sparsepixels/rtl';
import { HLS_BACKENDS } from './hls-backends';

/** What `convert` needs of a backend: its name, a title for messages, and emit. */
export interface ConvertBackend {
  readonly name: string;
  readonly title: string;
  /** What `csim` does with its projects, for the "next:" hint. */
  readonly next: string;
  emit(
    doc: unknown,
    outDir: string,
    options: EmitOptions,
  ): Promise<{ outDir: string; project: string; files: readonly string[]; eventCount: number; warnings: readonly string[] }>;
}

/**
 * Every backend `convert` offers: the HLS backends and the RTL backend (importing the packages
 * registers them with ir, which is how `csim` and `report` find a project's backend).
 */
export const CONVERT_BACKENDS: readonly ConvertBackend[] = Object.freeze([
  ...HLS_BACKENDS.map(
    (b): ConvertBackend => ({
      name: b.name,
      title: b.profile.title,
      next: 'compile with g++ and compare every output bit with the interpreter',
      emit: (doc, out, o) => b.emit(doc, out, o),
    }),
  ),
  {
    name: rtlBackend.name,
    title: 'RTL (Verilog)',
    next: 'build with Verilator and compare every output bit with the interpreter',
    emit: (doc, out, o) => rtlBackend.emit(doc, out, o),
  },
]);

export function findConvertBackend(name: string): ConvertBackend {
  const b = CONVERT_BACKENDS.find((x) => x.name === name);
  if (b) return b;
  const names = CONVERT_BACKENDS.map((x) => x.name);
  throw new SparsePixelsError(
    'SP_CLI_USAGE',
    `unknown backend '${name}'; choose one of ${names.join(', ')}${didYouMean(name, names)}`,
  );
}
