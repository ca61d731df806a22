import { existsSync, statSync } from 'node:fs';
import { SparsePixelsError } from '@sparsepixels/core';
import { findProjectBackend } from '@sparsepixels/ir';
import { measureRtlProject, rtlBackend } from '@sparsepixels/rtl';
import { Argument, type Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { rtlReportLines } from '../report/rtl-report';
import type { CliCommand, CommandContext, CommandInput } from './command';

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const given = String(args[0]);
  const dir = ctx.resolvePath(given);
  if (!existsSync(dir)) throw new SparsePixelsError('SP_FILE_NOT_FOUND', 'cannot read the project: no such folder', dir);
  if (!statSync(dir).isDirectory() || findProjectBackend(dir) !== rtlBackend) {
    throw new SparsePixelsError(
      'SP_REPORT_PROJECT',
      "report measures RTL projects (make one with 'sparsepixels convert <model> --backend rtl --out <dir>')",
      dir,
    );
  }
  const r = await measureRtlProject(dir, { noSynth: opts.synth === false });
  for (const line of rtlReportLines(r)) ctx.info(line);
  ctx.result({ command: 'report', projectDir: dir, ...r });
  return r.simulation.bitExact ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels report <rtl project>`: measured cycles and Yosys resources of an RTL project. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'measure an RTL project: cycles in Verilator, Yosys LUT/FF/DSP/BRAM/CARRY per layer, LUT levels',
  description:
    'For a project written by convert --backend rtl: build and run its Verilator simulation with the events fed back ' +
    'to back (latency from accepting an event to out_valid, initiation interval; every output bit compared with the ' +
    'interpreter), synthesize it with Yosys synth_xilinx -family xcup -abc9 (LUT, FF, DSP, BRAM18, CARRY per layer ' +
    'module and in total: Yosys counts, not Vivado figures) and find the most LUTs on a path between registers (the ' +
    'timing proxy). Large designs take minutes to synthesize; --no-synth measures cycles only. Exit 1 when the ' +
    'simulation differs from the interpreter.',
  examples: [
    ['report rtl-prj', 'the table on the terminal'],
    ['report rtl-prj --json', 'as JSON: estimate, layers, device, source "rtl", simulation, yosys'],
    ['report rtl-prj --no-synth', 'cycles only (no Yosys run)'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<project-dir>', 'RTL project folder written by convert --backend rtl'))
      .option('--no-synth', 'skip the Yosys synthesis (cycles from the simulation only)');
  },
  run,
};
