import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { IR_FILE } from '@sparsepixels/hls-vivado';
import {
  findProjectBackend,
  firstEvents,
  formatCsimReport,
  type Backend,
  type CsimReport,
  type InputEvents,
  type PreparedModel,
} from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { loadModelDocument, prepareLoaded } from '../model/load-model';
import { randomInputEvents } from '../model/random-events';
import { openEvents } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';

/** The most events one csim run takes (the HLS test bench runs them in batches of 2^24 input values). */
export const MAX_CSIM_EVENTS = 1_000_000;

/**
 * The backend that wrote the project in `dir` (ir's registry: each backend recognises its own
 * projects) and can simulate it: an HLS project (g++ C simulation) or an RTL project (Verilator).
 */
function projectBackend(dir: string): Backend & Required<Pick<Backend, 'csim'>> {
  if (!existsSync(dir))
    throw new SparsePixelsError('SP_FILE_NOT_FOUND', 'cannot read the project: no such folder', dir);
  if (!statSync(dir).isDirectory())
    throw new SparsePixelsError('SP_CSIM_PROJECT', 'not a sparsepixels project: it is a file, not a folder', dir);
  const b = findProjectBackend(dir);
  if (!b?.csim) {
    const missing = [IR_FILE, 'firmware', 'tb_data'].filter((f) => !existsSync(join(dir, f)));
    throw new SparsePixelsError(
      'SP_CSIM_PROJECT',
      `not a sparsepixels HLS or RTL project${missing.length > 0 ? `: ${missing.join(', ')} missing` : ''} (make one with 'npx sparsepixels convert')`,
      dir,
    );
  }
  return b as Backend & Required<Pick<Backend, 'csim'>>;
}

/**
 * Per output: how many values differ, over all events (every difference counted when the backend
 * reports per-output counts; otherwise the listed mismatches, at most 100 in all).
 */
function perOutput(r: CsimReport): { output: string; values: number; mismatches: number }[] {
  return r.outputs.map((o, k) => ({
    output: o.name,
    values: o.size * r.events,
    mismatches: r.outputMismatches?.[k] ?? r.mismatches.filter((m) => m.output === o.name).length,
  }));
}

/** The events of --input or --events, and the project's IR prepared to make them (handed on to the backend's csim). */
async function events(
  opts: CommandInput['opts'],
  dir: string,
  ctx: CommandContext,
): Promise<{ x: InputEvents; prepared: PreparedModel } | undefined> {
  if (opts.input !== undefined && opts.data !== undefined)
    throw new SparsePixelsError('SP_CLI_USAGE', 'give --input or --data, not both');
  const input = eventsPath(opts);
  if (input === undefined && opts.events === undefined) return undefined;
  const { prepared } = prepareLoaded(await loadModelDocument(join(dir, IR_FILE)));
  const n = opts.events as number | undefined;
  if (input === undefined) return { x: randomInputEvents(prepared, n!, opts.seed as number), prepared };
  const path = ctx.resolvePath(input);
  const ev = openEvents(path, prepared.input.tensor.shape, dataKeys(opts));
  if (n === undefined && ev.count > MAX_CSIM_EVENTS)
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `the file holds ${ev.count} events; one csim run takes at most ${MAX_CSIM_EVENTS}: pass --events <n>`,
      path,
    );
  return { x: firstEvents(ev.events, Math.min(ev.count, n ?? ev.count)), prepared };
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const given = String(args[0]);
  const dir = ctx.resolvePath(given);
  const backend = projectBackend(dir);
  const what = backend.simulation ?? 'simulation';
  const e = await events(opts, dir, ctx);
  // the bar starts with the first batch, when the event count of the project's test bench is known
  let bar: ReturnType<CommandContext['progress']> | undefined;
  let r: CsimReport;
  try {
    r = await backend.csim(dir, {
      ...(e ? { events: e.x, prepared: e.prepared } : {}),
      onProgress: (done: number, total: number) => (bar ??= ctx.progress(what, total)).update(done),
    });
  } finally {
    bar?.stop();
  }
  const outputs = perOutput(r);
  ctx.info(
    `built ${given} (${backend.name}) in ${(r.compileMs / 1000).toFixed(1)} s; ran ${r.events} events in ${r.runMs.toFixed(0)} ms`,
  );
  ctx.info(formatCsimReport(r, what));
  if (!r.bitExact) {
    for (const o of outputs) ctx.info(`  output ${o.output}: ${o.mismatches} of ${o.values} values differ`);
  }
  ctx.result({
    input: dir,
    out: null,
    backend: backend.name,
    events: r.events,
    timings: { compile: r.compileMs / 1000, run: r.runMs / 1000, interpret: r.interpretMs / 1000 },
    bitExact: r.bitExact,
    mismatchCount: r.mismatchCount,
    outputs,
    mismatches: r.mismatches,
    mismatchesListed: r.mismatches.length,
    divergences: r.divergences,
  });
  return r.bitExact ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels csim <project-dir>`: g++ C simulation compared bit for bit with the interpreter. */
export const csimCommand: CliCommand = {
  name: 'csim',
  summary: 'simulate an HLS project (g++) or RTL project (Verilator) and compare every bit with the interpreter',
  description:
    "Simulation without Xilinx tools. An HLS project: compile its test bench and firmware with g++ against its " +
    'firmware/ap_types. An RTL project (convert --backend rtl): build its Verilog and test bench with Verilator. ' +
    'Then run it on the test-bench events (or --events generated / --input events, up to ' +
    `${MAX_CSIM_EVENTS.toLocaleString('en-US')}; an HLS project runs them in batches of 2^24 input values (4,227 events ` +
    'of 63x63) so memory stays bounded), and compare every output bit with the IR interpreter run on the IR the ' +
    'project was made from. Exit 0 when all bits are equal, 1 on any difference (with a per-output report and the ' +
    'first layer that differs), 2 when the folder is not a sparsepixels project or the compiler is missing (g++; ' +
    'set CXX to use another; verilator for RTL projects).',
  examples: [
    ['csim sparsepixels-demo', 'C simulation of the demo project on its test bench'],
    ['csim prj --events 500', '500 generated sparse events instead of the test bench'],
    ['csim prj --input test.npz --json', 'events from test.npz; the report as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<project-dir>', 'HLS or RTL project folder written by convert or demo'))
      .option(
        '-n, --events <n>',
        `run n generated sparse events, 1..${MAX_CSIM_EVENTS.toLocaleString('en-US')} (or the first n of --input)`,
        integerArg(1, MAX_CSIM_EVENTS),
      )
      .option('-i, --input <file>', 'input events: .npy, .npz with an array x (count, H, W, C), or .h5 with a dataset x')
      .option('--data <file>', 'the same as --input (e.g. --data file.h5 --x-key x)')
      .option('--seed <seed>', 'seed of generated events', integerArg(0), 1);
    addDataKeyOptions(cmd);
  },
  run,
};
