/** Command line of an example script: `[--ci] [--out dir] [--quiet]`. */
import { SparsePixelsError } from '@sparsepixels/core';
import type { ModeName } from './example-config';

export interface ExampleArgs {
  readonly mode: ModeName;
  readonly outDir?: string;
  readonly quiet: boolean;
  readonly help: boolean;
}

export const USAGE = 'usage: node benchmarks/run.mjs examples/<name>/run.ts [--ci] [--out <dir>] [--quiet]';

export function parseArgs(argv: readonly string[]): ExampleArgs {
  let mode: ModeName = 'full';
  let outDir: string | undefined;
  let quiet = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--ci') mode = 'ci';
    else if (a === '--quiet') quiet = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--out') {
      outDir = argv[++i];
      if (outDir === undefined || outDir.startsWith('--')) {
        throw new SparsePixelsError('SP_EXAMPLE_ARGS', `--out needs a folder; got ${outDir ?? 'nothing'}`, 'command line');
      }
    } else throw new SparsePixelsError('SP_EXAMPLE_ARGS', `unknown argument '${a}'; allowed: --ci, --out <dir>, --quiet, --help`, 'command line');
  }
  return { mode, ...(outDir === undefined ? {} : { outDir }), quiet, help };
}
