import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { formatCsimReport, IR_FILE, runCsim, type CsimResult } from '@sparsepixels/hls-vivado';
import { firstEvents, type InputEvents, type PreparedModel } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { loadModelDocument, prepareLoaded } from '../model/load-model';
import { randomInputEvents } from '../model/random-events';
import { openEvents } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';

/** The most events one csim run takes (they go through g++'s test bench in batches, see CSIM_BATCH_VALUES). */
export const MAX_CSIM_EVENTS = 1_000_000;

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
      `not a sparsepixels HLS project: ${missing.join(', ')} missing (make one with 'npx sparsepixels convert')`,
      dir,
    );
  }
}

/** Per output: how many values differ, over all events (every difference counted, not only the listed ones). */
function perOutput(r: CsimResult): { output: string; values: number; mismatches: number }[] {
  return r.outputs.map((o, k) => ({
    output: o.name,
    values: o.size * r.events,
    mismatches: r.outputMismatches[k] ?? 0,
  }));
}

/** The events of --input or --events, and the project's IR prepared to make them (handed on to runCsim). */
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
  checkProject(dir);
  const e = await events(opts, dir, ctx);
  // the bar starts with the first batch, when the event count of the project's test bench is known
  let bar: ReturnType<CommandContext['progress']> | undefined;
  let r: CsimResult;
  try {
    r = await runCsim(dir, {
      ...(e ? { events: e.x, prepared: e.prepared } : {}),
      onProgress: (done, total) => (bar ??= ctx.progress('C simulation', total)).update(done),
    });
  } finally {
    bar?.stop();
  }
  const outputs = perOutput(r);
  ctx.info(
    `compiled ${given} with g++ in ${(r.compileMs / 1000).toFixed(1)} s; ran ${r.events} events in ${r.runMs.toFixed(0)} ms`,
  );
  ctx.info(formatCsimReport(r));
  if (!r.bitExact) {
    for (const o of outputs) ctx.info(`  output ${o.output}: ${o.mismatches} of ${o.values} values differ`);
  }
  ctx.result({
    input: dir,
    out: null,
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
  summary: 'compile an HLS project with g++, run its C simulation and compare every bit with the interpreter',
  description:
    "C simulation without Xilinx tools: compile the project's test bench and firmware with g++ against its " +
    'firmware/ap_types, run it on the test-bench events (or --events generated / --input events, up to ' +
    `${MAX_CSIM_EVENTS.toLocaleString('en-US')}, simulated in batches of 2^24 input values (4,227 events of 63x63) so memory stays bounded), and compare ` +
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
