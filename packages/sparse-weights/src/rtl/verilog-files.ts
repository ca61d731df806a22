/**
 * Where this package's Verilog lives (verilog/ beside src/ and dist/), found by walking up from
 * this module; a bundle elsewhere (benchmarks, examples) resolves the installed package from the
 * working directory instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SparsePixelsError } from '@sparsepixels/core';
import { verilogLibDir } from '@sparsepixels/rtl/verilog-lib';

const MARKER = join('verilog', 'weights', 'sparse_dot_product.v');

export function verilogDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, MARKER))) return join(dir, 'verilog');
  }
  try {
    const manifest = createRequire(join(process.cwd(), 'index.js')).resolve(
      '@sparsepixels/sparse-weights/package.json',
    );
    if (existsSync(join(dirname(manifest), MARKER))) return join(dirname(manifest), 'verilog');
  } catch {
    // fall through to the error below
  }
  throw new SparsePixelsError(
    'SP_RTL_FILES',
    `cannot find the Verilog of @sparsepixels/sparse-weights (${MARKER}) above ${import.meta.url}`,
  );
}

/**
 * Every source file of the blocks, dependencies first: the conversion and multiply-accumulate
 * steps of @sparsepixels/rtl's library (sp_cast.v, sp_mac.v), then the blocks.
 */
export function verilogSources(): string[] {
  const d = verilogDir();
  const lib = verilogLibDir();
  return [
    join(lib, 'sp_cast.v'),
    join(lib, 'sp_mac.v'),
    ...['weights/sparse_weight_store.v', 'weights/zero_skip_mac.v', 'weights/sparse_dot_product.v'].map((f) => join(d, f)),
  ];
}
