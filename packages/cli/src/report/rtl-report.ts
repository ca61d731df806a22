import { existsSync, statSync } from 'node:fs';
import { SparsePixelsError } from '@sparsepixels/core';
import { findProjectBackend } from '@sparsepixels/ir';
import { measureRtlProject, rtlBackend, type RtlReport } from '@sparsepixels/rtl';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import type { CommandContext, CommandInput } from '../commands/command';

const n = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toLocaleString('en-US'));
const pct = (v: number | null, total: number | null): string =>
  v === null || total === null ? '' : ` (${((100 * v) / total).toFixed(1)}%)`;

/** The text of `report` for an RTL project: measured cycles and Yosys counts per layer and in total. */
export function rtlReportLines(r: RtlReport): string[] {
  const e = r.estimate;
  const s = r.simulation;
  const lines = [
    `RTL project, measured: latency ${e.latencyCycles} cycles (${e.latencyUs.toFixed(3)} us at ${s.clockNs} ns), II ${e.ii} cycles (events back to back)`,
    `  Verilator simulation of ${s.events} events: ${s.bitExact ? 'every output bit equals the interpreter' : `${s.mismatchCount} output values differ from the interpreter`}`,
  ];
  if (r.yosys) {
    lines.push(
      `  Yosys ${r.yosys.version.replace(/^Yosys /, '')} synth_xilinx (UltraScale+, ABC9) in ${r.yosys.seconds.toFixed(0)} s. Yosys counts, not Vivado's:`,
      `  LUT ${n(e.lut)}${pct(e.lut, r.device.lut)}, FF ${n(e.ff)}${pct(e.ff, r.device.ff)}, DSP ${n(e.dsp)}${pct(e.dsp, r.device.dsp)}, BRAM18 ${n(e.bram18)}, CARRY ${n(e.carry)}; at most ${e.lutLevels} LUT levels between registers`,
    );
  } else lines.push('  (no synthesis: --no-synth)');
  lines.push(
    '',
    `  ${'layer'.padEnd(14)} ${'op'.padEnd(17)} ${'start'.padStart(5)} ${'cycles'.padStart(6)} ${'LUT'.padStart(8)} ${'FF'.padStart(8)} ${'DSP'.padStart(5)} ${'BRAM18'.padStart(6)}  core`,
  );
  for (const l of r.layers) {
    const y = r.yosys !== undefined;
    lines.push(
      `  ${l.name.padEnd(14)} ${l.op.padEnd(17)} ${String(l.startCycle).padStart(5)} ${String(l.latencyCycles).padStart(6)} ${n(y ? l.lut : null).padStart(8)} ${n(y ? l.ff : null).padStart(8)} ${n(y ? l.dsp : null).padStart(5)} ${n(y ? l.bram18 : null).padStart(6)}  ${l.core}`,
    );
  }
  return lines;
}

/** Options of `report` that estimate a design; an RTL project is measured instead, so they are refused. */
const ESTIMATE_OPTIONS: readonly [string, string][] = [
  ['part', '--part'],
  ['clock', '--clock'],
  ['html', '--html'],
  ['svg', '--svg'],
  ['data', '--data'],
];

/**
 * `report` on an RTL project folder (owned by the rtl backend): measured cycles and Yosys counts.
 * Returns undefined when `path` is not an RTL project (the estimate path takes over).
 */
export async function reportRtlProject(path: string, opts: CommandInput['opts'], ctx: CommandContext): Promise<ExitCode | undefined> {
  if (!existsSync(path) || !statSync(path).isDirectory() || findProjectBackend(path) !== rtlBackend) return undefined;
  for (const [key, flag] of ESTIMATE_OPTIONS) {
    if (opts[key] !== undefined)
      throw new SparsePixelsError('SP_CLI_USAGE', `${flag} does not apply to an RTL project (its figures are measured, not estimated)`);
  }
  if (opts.kernels !== undefined && opts.kernels !== 'ours')
    throw new SparsePixelsError('SP_CLI_USAGE', '--kernels does not apply to an RTL project (its figures are measured, not estimated)');
  const r = await measureRtlProject(path, { noSynth: opts.synth === false });
  for (const line of rtlReportLines(r)) ctx.info(line);
  ctx.result({ ...r, input: path, out: null, events: r.simulation.events });
  return r.simulation.bitExact ? EXIT_OK : EXIT_CHECK_FAILED;
}
