/**
 * Resource counts of a sparse_dot_product design with Yosys `synth_xilinx` (open-source synthesis
 * for 7-series/UltraScale primitives; no timing): LUTs, flip-flops, block RAM, DSPs, as `stat`
 * reports them. The .hex files must be in `dir` (the design reads them at elaboration).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import type { DotProductParams } from './dot-product-design';
import { firstErrorLine, runTool } from './run-tool';
import { verilogSources } from './verilog-files';

export interface SynthResources {
  readonly lut: number;
  readonly ff: number;
  /** Block RAM in 18 kbit units (RAMB18 = 1, RAMB36 = 2). */
  readonly bram18: number;
  readonly dsp: number;
  /** LUTs used as distributed RAM/ROM (counted in `lut` too when Yosys maps them to LUTs). */
  readonly lutram: number;
  readonly carry: number;
  readonly cells: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** The cell counts of the last `stat` table in Yosys' output. */
export function parseStat(log: string): Record<string, number> {
  const at = log.lastIndexOf('Number of cells:');
  if (at < 0) throw new SparsePixelsError('SP_RTL_SYNTH', 'no "Number of cells" in the Yosys log');
  const cells: Record<string, number> = {};
  for (const line of log.slice(at).split('\n').slice(1)) {
    const m = /^\s+(\S+)\s+(\d+)\s*$/.exec(line);
    if (!m) {
      if (line.trim() === '') continue;
      break;
    }
    cells[m[1]!] = Number(m[2]);
  }
  return cells;
}

export function resourcesOf(cells: Readonly<Record<string, number>>, ms: number): SynthResources {
  const sum = (re: RegExp) => Object.entries(cells).reduce((a, [k, v]) => a + (re.test(k) ? v : 0), 0);
  return {
    lut: sum(/^LUT[1-6]$/),
    ff: sum(/^FD[A-Z]*$/),
    bram18: sum(/^RAMB18/) + 2 * sum(/^RAMB36/),
    dsp: sum(/^DSP48/),
    lutram: sum(/^RAM(32|64|128|256)/),
    carry: sum(/^CARRY/),
    cells,
    ms,
  };
}

export async function synthesizeDotProduct(
  params: DotProductParams,
  dir: string,
  family = 'xcup',
): Promise<SynthResources> {
  const chparam = Object.entries(params)
    .map(
      ([k, v]) =>
        `chparam -set ${k} ${typeof v === 'string' ? JSON.stringify(v) : String(v)} sparse_dot_product`,
    )
    .join('\n');
  const script = [
    `read_verilog ${verilogSources().join(' ')}`,
    chparam,
    `synth_xilinx -family ${family} -top sparse_dot_product -flatten`,
    'stat',
  ].join('\n');
  writeFileSync(join(dir, 'synth.ys'), `${script}\n`);
  const r = await runTool('yosys', ['-q', '-l', 'synth.log', '-s', 'synth.ys'], dir, 'yosys');
  if (r.status !== 0)
    throw new SparsePixelsError('SP_RTL_SYNTH', `Yosys failed: ${firstErrorLine(r.stderr + r.stdout)}`, dir);
  const { readFileSync } = await import('node:fs');
  return resourcesOf(parseStat(readFileSync(join(dir, 'synth.log'), 'utf8')), r.ms);
}
