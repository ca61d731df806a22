import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { firstError, runTool } from '../sim/run-process';
import { lutDepth, type LutDepth } from './lut-depth';
import { moduleTotals, parseStatJson, type ResourceCounts } from './cell-counts';

export interface YosysResult {
  readonly version: string;
  readonly seconds: number;
  /** Per module (Yosys names), own cells plus submodules. */
  readonly modules: ReadonlyMap<string, ResourceCounts>;
  readonly total: ResourceCounts;
  readonly lutLevels: LutDepth;
  readonly script: string;
}

/**
 * The synthesis script, run in the project folder (sources by relative path, so the project's own
 * path never reaches Yosys' command parser): synth_xilinx for UltraScale+ with ABC9, out of
 * context (no I/O buffers); statistics and the flattened netlist go to `work`.
 */
export function synthScript(top: string, work: string): string {
  return [
    'read_verilog rtl/lib/*.v rtl/*.v',
    `synth_xilinx -family xcup -abc9 -noiopad -top ${top}`,
    `tee -q -o ${join(work, 'stat.json')} stat -json`,
    'flatten',
    'opt_clean',
    `write_json ${join(work, 'netlist.json')}`,
    '',
  ].join('\n');
}

/** Runs Yosys synthesis of project `dir` (top module `top`); `work` is a scratch folder. */
export async function runYosys(dir: string, top: string, work: string): Promise<YosysResult> {
  if (/[\s"';]/.test(work)) throw new SparsePixelsError('SP_RTL_SYNTH', 'the scratch folder path has spaces or quotes; set TMPDIR to a plain path', work);
  const script = synthScript(top, work);
  writeFileSync(join(work, 'synth.ys'), script);
  const r = await runTool('yosys', ['-q', '-l', join(work, 'yosys.log'), '-s', join(work, 'synth.ys')], resolve(dir), 'yosys');
  if (r.status !== 0) throw new SparsePixelsError('SP_RTL_SYNTH', `Yosys failed: ${firstError(r.stderr || r.stdout)}`, work);
  const stat = parseStatJson(readFileSync(join(work, 'stat.json'), 'utf8'));
  const modules = moduleTotals(stat);
  const total = modules.get(top);
  if (!total) throw new SparsePixelsError('SP_RTL_SYNTH', `Yosys statistics have no module ${top}`, work);
  const netlist = JSON.parse(readFileSync(join(work, 'netlist.json'), 'utf8')) as Parameters<typeof lutDepth>[0];
  const v = await runTool('yosys', ['-V'], work, 'yosys');
  return { version: v.stdout.trim(), seconds: r.ms / 1000, modules, total, lutLevels: lutDepth(netlist, top), script };
}
