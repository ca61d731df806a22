import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SparsePixelsError } from '@sparsepixels/core';

const MARKER = join('verilog', 'sp_cast.v');

/**
 * This package's folder (it ships verilog/ and cpp/ beside dist/): the first folder above this
 * module that holds verilog/sp_cast.v; a bundle elsewhere (benchmarks) resolves the installed
 * package from the working directory instead.
 */
export function rtlPackageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, MARKER))) return dir;
  }
  try {
    const manifest = createRequire(join(process.cwd(), 'index.js')).resolve('@sparsepixels/rtl/package.json');
    if (existsSync(join(dirname(manifest), MARKER))) return dirname(manifest);
  } catch {
    // fall through to the error below
  }
  throw new SparsePixelsError('SP_RTL_FILES', `cannot find the Verilog library of @sparsepixels/rtl (${MARKER}) above ${import.meta.url}`);
}

/** The synthesizable Verilog library copied into every project. */
export function verilogLibDir(): string {
  return join(rtlPackageRoot(), 'verilog');
}

/** The C++ helpers of the Verilator test bench. */
export function cppLibDir(): string {
  return join(rtlPackageRoot(), 'cpp');
}
