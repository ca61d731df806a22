import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { formatCsimReport, IR_FILE, runCsim, type CsimResult } from '@sparsepixels/hls-vivado';
import type { PreparedModel } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { loadModelDocument, prepareLoaded } from '../model/load-model';
import { randomEvents } from '../model/random-events';
import { readEvents } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';

/** A sparsepixels HLS project holds the IR it came from and its test bench. */
function checkProject(dir: string): void {
  if (!existsSync(dir))
    throw new SparsePixelsError('SP_FILE_NOT_FOUND', 'cannot read the project: no such folder', dir);
  if (!statSync(dir).isDirectory())
    throw new SparsePixelsError(
      'SP_CSIM_PROJECT',
      'not a sparsepixels HLS project: it is a file, not a folder',
      dir,
    );
  const missing = [IR_FILE, 'firmware', 'tb_data'].filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new SparsePixelsError(
      'SP_CSIM_PROJECT',
      `not a sparsepixels HLS project: ${missing.join(', ')} missing (make one with 'sparsepixels convert')`,
      dir,
    );
  }
}

/** Per output: how many values differ, over all events. */
function perOutput(r: CsimResult): { output: string; values: number; mismatches: number }[] {
  return r.outputs.map((o) => ({
    output: o.name,
    values: o.size * r.events,
    mismatches: r.mismatches.filter((m) => m.output === o.name).length,
  }));
}

/** The events of --input or --events, and the project's IR prepared to make them (handed on to runCsim). */
async function events(
  opts: CommandInput['opts'],
  dir: string,
  ctx: CommandContext,
): Promise<{ x: Float64Array; prepared: PreparedModel } | undefined> {
  if (opts.input !== undefined && opts.data !== undefined)
    throw new SparsePixelsError('SP_CLI_USAGE', 'give --input or --data, not both');
  const input = eventsPath(opts);
  if (input === undefined && opts.events === undefined) return undefined;
  const { prepared } = prepareLoaded(await loadModelDocument(join(dir, IR_FILE)));
  if (input === undefined) return { x: randomEvents(prepared, opts.events as number, opts.seed as number), prepared };
  const ev = readEvents(ctx.resolvePath(input), prepared.input.tensor.shape, dataKeys(opts));
  const size = ev.x.length / ev.count;
  return { x: ev.x.subarray(0, Math.min(ev.count, (opts.events as number | undefined) ?? ev.count) * size), prepared };
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const given = String(args[0]);
  const dir = ctx.resolvePath(given);
  checkProject(dir);
  const e = await events(opts, dir, ctx);
  const r = await runCsim(dir, { ...(e ? { events: e.x, prepared: e.prepared } : {}) });
  const outputs = perOutput(r);
  ctx.info(
    `compiled ${given} with g++ in ${(r.compileMs / 1000).toFixed(1)} s; ran ${r.events} events in ${r.runMs.toFixed(0)} ms`,
  );
  ctx.info(formatCsimReport(r));
  if (!r.bitExact) {
    for (const o of outputs)
      ctx.info(
        `  output ${o.output}: ${o.mismatches}${r.mismatchCount > r.mismatches.length ? '+' : ''} of ${o.values} values differ`,
      );
  }
  ctx.result({
    command: 'csim',
    projectDir: dir,
    events: r.events,
    bitExact: r.bitExact,
    mismatchCount: r.mismatchCount,
    outputs,
    mismatches: r.mismatches,
    divergences: r.divergences,
    compileMs: r.compileMs,
    runMs: r.runMs,
  });
  return r.bitExact ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels csim <project-dir>`: g++ C simulation compared bit for bit with the interpreter. */
export const csimCommand: CliCommand = {
  name: 'csim',
  summary: 'compile an HLS project with g++, run its C simulation and compare every bit with the interpreter',
  description:
    "C simulation without Xilinx tools: compile the project's test bench and firmware with g++ against its " +
    'firmware/ap_types, run it on the test-bench events (or --events generated / --input events), and compare ' +
    'every output bit with the IR interpreter run on the IR the project was made from. Exit 0 when all bits are ' +
    'equal, 1 on any difference (with a per-output report and the first layer that differs), 2 when the folder ' +
    'is not a sparsepixels project or g++ is missing (set CXX to use another compiler).',
  examples: [
    ['csim sparsepixels-demo', 'C simulation of the demo project on its test bench'],
    ['csim prj --events 500', '500 generated sparse events instead of the test bench'],
    ['csim prj --input test.npz --json', 'events from test.npz; the report as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<project-dir>', 'HLS project folder written by convert or demo'))
      .option(
        '-n, --events <n>',
        'run n generated sparse events (or the first n of --input)',
        integerArg(1, 1000000),
      )
      .option('-i, --input <file>', 'input events: .npy, .npz with an array x (count, H, W, C), or .h5 with a dataset x')
      .option('--data <file>', 'the same as --input (e.g. --data file.h5 --x-key x)')
      .option('--seed <seed>', 'seed of generated events', integerArg(0), 1);
    addDataKeyOptions(cmd);
  },
  run,
};
