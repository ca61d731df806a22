import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { firstError, runTool } from '../sim/run-process';
import { lutDepth, type LutDepth } from './lut-depth';
import { moduleTotals, type ResourceCounts } from './cell-counts';

export interface YosysResult {
  readonly version: string;
  readonly seconds: number;
  /** Per module (Yosys names), own cells plus submodules. */
  readonly modules: ReadonlyMap<string, ResourceCounts>;
  readonly total: ResourceCounts;
  readonly lutLevels: LutDepth;
  readonly script: string;
}

/** The synthesis script: synth_xilinx for UltraScale+ with ABC9, out of context (no I/O buffers). */
export function synthScript(sources: readonly string[], top: string, work: string): string {
  return [
    `read_verilog ${sources.map((s) => `"${s}"`).join(' ')}`,
    `synth_xilinx -family xcup -abc9 -noiopad -top ${top}`,
    `tee -q -o "${join(work, 'stat.json')}" stat -json`,
    'flatten',
    'opt_clean',
    `write_json "${join(work, 'netlist.json')}"`,
    '',
  ].join('\n');
}

/** Verilog sources of an RTL project (generated modules, then the library). */
export function projectSources(dir: string): string[] {
  const abs = resolve(dir);
  const list = (sub: string) =>
    readdirSync(join(abs, sub))
      .filter((f) => f.endsWith('.v'))
      .sort()
      .map((f) => join(abs, sub, f));
  return [...list('rtl/lib'), ...list('rtl')];
}

/** Runs Yosys synthesis of `top` in `work` (a scratch folder) and reads the counts and LUT depth. */
export async function runYosys(sources: readonly string[], top: string, work: string): Promise<YosysResult> {
  const script = synthScript(sources, top, work);
  writeFileSync(join(work, 'synth.ys'), script);
  const r = await runTool('yosys', ['-q', '-l', join(work, 'yosys.log'), '-s', join(work, 'synth.ys')], work, 'yosys');
  if (r.status !== 0) throw new SparsePixelsError('SP_RTL_SYNTH', `Yosys failed: ${firstError(r.stderr || r.stdout)}`, work);
  const statText = readFileSync(join(work, 'stat.json'), 'utf8');
  const stat = JSON.parse(statText.slice(statText.indexOf('{'))) as Parameters<typeof moduleTotals>[0];
  const modules = moduleTotals(stat);
  const total = modules.get(top);
  if (!total) throw new SparsePixelsError('SP_RTL_SYNTH', `Yosys statistics have no module ${top}`, work);
  const netlist = JSON.parse(readFileSync(join(work, 'netlist.json'), 'utf8')) as Parameters<typeof lutDepth>[0];
  const v = await runTool('yosys', ['-V'], work, 'yosys');
  return { version: v.stdout.trim(), seconds: r.ms / 1000, modules, total, lutLevels: lutDepth(netlist, top), script };
}
