/** Compiles Verilog with Icarus (iverilog -g2012) and runs it with vvp; output on stdout. */
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { firstErrorLine, runTool } from './run-tool';

export async function runIcarus(
  dir: string,
  top: string,
  sources: readonly string[],
): Promise<{ stdout: string; compileMs: number; runMs: number }> {
  const out = join(dir, `${top}.vvp`);
  const c = await runTool(
    'iverilog',
    ['-g2012', '-Wall', '-Wno-timescale', '-s', top, '-o', out, ...sources],
    dir,
    'iverilog',
  );
  if (c.status !== 0)
    throw new SparsePixelsError(
      'SP_RTL_BUILD',
      `iverilog failed: ${firstErrorLine(c.stderr + c.stdout)}`,
      dir,
    );
  const r = await runTool('vvp', ['-n', out], dir, 'iverilog');
  if (r.status !== 0 || /ERROR/.test(r.stdout))
    throw new SparsePixelsError('SP_RTL_SIM', `vvp failed: ${firstErrorLine(r.stderr + r.stdout)}`, dir);
  return { stdout: r.stdout, compileMs: c.ms, runMs: r.ms };
}
