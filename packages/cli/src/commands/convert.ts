import { SparsePixelsError } from '@sparsepixels/core';
import { cppNameProblem, firstEvents, type InputEvents, type ModelIR, type PreparedModel } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg, numberArg } from '../cli/options';
import { withHlsConfig } from '../model/hls-config';
import { checkOutDir } from '../cli/out-dir';
import { loadPlugin } from '../cli/plugins';
import { cliCommand } from '../cli/shell-quote';
import { CONVERT_BACKENDS, findConvertBackend, type ConvertResult } from '../hls/project-backends';
import { loadPreparedModel } from '../model/load-model';
import { overflowWarnings, ProfileSample } from '../model/overflow-warnings';
import { randomInputEvents } from '../model/random-events';
import { openEvents } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';

/** The most test-bench events convert writes (files are written a batch at a time). */
export const MAX_TB_EVENTS = 100_000;

interface ConvertArgs {
  readonly model: string;
  readonly backend: string;
  readonly out: string;
  readonly force: boolean;
  readonly project?: string;
  readonly tb?: string;
  readonly tbEvents?: number;
  readonly seed: number;
  readonly plugins: readonly string[];
  readonly part?: string;
  readonly clock?: number;
  readonly reuseFactor?: number;
  readonly hlsConfig?: string;
  readonly thresholdInput: boolean;
}

function parseInput({ args, opts }: CommandInput): ConvertArgs {
  const project = opts.project === undefined ? undefined : String(opts.project);
  if (project !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(project)) {
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--project '${project}' is not allowed; use a C identifier (letters, digits, '_', not starting with a digit)`,
    );
  }
  const problem = project === undefined ? undefined : cppNameProblem(project, 'project');
  if (problem) {
    throw new SparsePixelsError('SP_CLI_USAGE', `--project '${project}' is not allowed: it ${problem}; choose another name`);
  }
  return {
    model: String(args[0]),
    backend: String(opts.backend),
    out: String(opts.out),
    force: opts.force === true,
    ...(project ? { project } : {}),
    ...(opts.tb === undefined ? {} : { tb: String(opts.tb) }),
    ...(opts.tbEvents === undefined ? {} : { tbEvents: opts.tbEvents as number }),
    seed: opts.seed as number,
    plugins: (opts.plugin as string[] | undefined) ?? [],
    ...(opts.part === undefined ? {} : { part: checkPart(String(opts.part)) }),
    ...(opts.clock === undefined ? {} : { clock: opts.clock as number }),
    ...(opts.reuseFactor === undefined ? {} : { reuseFactor: opts.reuseFactor as number }),
    ...(opts.hlsConfig === undefined ? {} : { hlsConfig: String(opts.hlsConfig) }),
    thresholdInput: opts.thresholdInput === true,
  };
}

/** A part name reaches project.tcl: letters, digits, '.', '_', '-' only. */
function checkPart(part: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(part)) {
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--part '${part}' is not allowed; use a part name such as xcu250-figd2104-2L-e`,
    );
  }
  return part;
}

/** The document with --hls-config, --part, --clock, --reuse-factor and --project applied. */
function withBuildOptions(doc: ModelIR, a: ConvertArgs, ctx: CommandContext): ModelIR {
  let configured = doc;
  if (a.hlsConfig !== undefined) {
    const c = withHlsConfig(doc, ctx.resolvePath(a.hlsConfig));
    for (const w of c.warnings) ctx.warn(w);
    configured = c.doc;
  }
  return {
    ...configured,
    build: {
      ...configured.build,
      ...(a.project ? { project: a.project } : {}),
      ...(a.part ? { part: a.part } : {}),
      ...(a.clock !== undefined ? { clockPeriod: a.clock } : {}),
      ...(a.reuseFactor !== undefined ? { reuseFactor: a.reuseFactor } : {}),
      ...(a.thresholdInput ? { thresholdInput: true } : {}),
    },
  };
}

/** Test-bench events: the first --tb-events of --tb, or that many generated events, or the backend's default. */
function testInputs(a: ConvertArgs, prepared: PreparedModel, ctx: CommandContext): InputEvents | undefined {
  if (a.tb !== undefined) {
    const ev = openEvents(ctx.resolvePath(a.tb), prepared.input.tensor.shape);
    if (a.tbEvents === undefined && ev.count > MAX_TB_EVENTS)
      throw new SparsePixelsError(
        'SP_CLI_USAGE',
        `the file holds ${ev.count} events; a test bench holds at most ${MAX_TB_EVENTS}: pass --tb-events <n>`,
        ctx.resolvePath(a.tb),
      );
    return firstEvents(ev.events, Math.min(ev.count, a.tbEvents ?? ev.count));
  }
  return a.tbEvents === undefined ? undefined : randomInputEvents(prepared, a.tbEvents, a.seed);
}

/** Warns when the --tb events overflow the model's types (the first events of the file). */
function checkOverflow(a: ConvertArgs, prepared: PreparedModel, events: InputEvents, ctx: CommandContext): void {
  const sample = new ProfileSample(prepared);
  const n = Math.min(events.count, 10_000);
  for (let start = 0; start < n; start += 1024)
    sample.add(events.read(start, Math.min(1024, n - start)), Math.min(1024, n - start));
  for (const w of overflowWarnings(sample.report(), `'${a.tb}'`)) ctx.warn(w);
}

async function run(input: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const a = parseInput(input);
  for (const p of a.plugins) await loadPlugin(p, ctx.cwd);
  const backend = findConvertBackend(a.backend);
  const out = ctx.resolvePath(a.out);
  const modelPath = ctx.resolvePath(a.model);
  const inputFiles = [a.model, a.tb, a.hlsConfig].filter((f) => f !== undefined).map((f) => ctx.resolvePath(f));
  checkOutDir(out, a.force, 'hls-project', inputFiles);
  // --hls-config, --part, --clock, --reuse-factor, --project go into the document before it is
  // prepared: one preparation for the whole command
  const { prepared, model } = await loadPreparedModel(modelPath, { edit: (doc) => withBuildOptions(doc, a, ctx) });
  const events = testInputs(a, prepared, ctx);
  if (events && a.tb !== undefined) checkOverflow(a, prepared, events, ctx);
  const t0 = performance.now();
  const bar = ctx.progress('writing the test bench', 2 * (events?.count ?? 0));
  let r: ConvertResult;
  try {
    r = await backend.emit(prepared, out, {
      force: a.force,
      inputFiles,
      ...(events ? { testInputs: events } : {}),
      onTestEvents: (done: number) => bar.update(done),
    });
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  for (const w of r.warnings) ctx.warn(w);
  const what = r.project === undefined ? `${backend.title} output` : `${backend.title} project '${r.project}'`;
  const tb = r.eventCount === undefined ? '' : `, ${r.eventCount} test-bench events`;
  ctx.info(`wrote ${what} to ${a.out} (${r.files.length} files${tb}, ${(seconds * 1000).toFixed(0)} ms)`);
  ctx.info(`  model '${model.name}' from ${a.model}`);
  if (backend.next) ctx.info(`next: ${cliCommand('csim', a.out)}    # ${backend.next}`);
  ctx.result({
    input: modelPath,
    out: r.outDir,
    events: r.eventCount ?? null,
    timings: { emit: seconds },
    backend: backend.name,
    project: r.project ?? null,
    files: r.files,
  });
  return EXIT_OK;
}

/** `sparsepixels convert <model> --backend vivado|vitis|rtl --out <dir>`: emit the HLS or RTL project. */
export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'emit a Vivado or Vitis HLS project, or synthesizable Verilog (rtl), for a model (with bit-exact test-bench data)',
  description:
    'Emit a self-contained HLS project (hls4ml layout: firmware/, weights, test bench, tb_data/, build scripts, the IR ' +
    'it came from) for an IR document or a saved TensorFlow.js model, or with --backend rtl a Verilog project (one ' +
    'module per layer, a Verilator test bench, Yosys script; see packages/rtl/README.md). The test bench holds input ' +
    `events (from --tb, generated with --tb-events, or a few default events; at most ${MAX_TB_EVENTS.toLocaleString('en-US')}, ` +
    "written a batch at a time) and the interpreter's bit-exact outputs; --tb events that overflow the model's types " +
    'are warned about. The project is written to a temporary folder and renamed into place. --force replaces only a ' +
    'project folder that sparsepixels wrote and that holds nothing else (see the README); the current folder, its ' +
    'parents, the home folder and a folder holding the model are never replaced. --plugin loads an outside backend ' +
    '(an ES module that calls registerBackend of @sparsepixels/ir) to use with --backend.',
  examples: [
    ['convert model.json --backend vitis --out prj', 'Vitis HLS project in ./prj'],
    ['convert model.json --backend rtl --out rtl-prj', 'synthesizable Verilog with a Verilator test bench'],
    [
      'convert model.json --backend vivado --out prj --tb test.npz --tb-events 200',
      'test bench from the first 200 events of test.npz',
    ],
    [
      'convert trained/tfjs --out prj --project trigger --force',
      'from a saved model, top function "trigger"',
    ],
    ['convert model.json --plugin ./summary-backend.mjs --backend summary --out sheet', 'an outside backend'],
    [
      'convert model.json --out prj --part xcvu9p-flga2104-2L-e --clock 4 --reuse-factor 4',
      'another part and clock, multipliers shared 4 times',
    ],
    [
      'convert model.json --out prj --hls-config config.yml',
      'per-layer precision / reuse factor (hls4ml style)',
    ],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json or saved-model folder'))
      .option(
        '-b, --backend <name>',
        `backend: ${CONVERT_BACKENDS.map((b) => b.name).join(', ')}, or one a --plugin registers`,
        'vitis',
      )
      .requiredOption('-o, --out <dir>', 'project folder to write')
      .option('-f, --force', 'replace a project folder that sparsepixels wrote (and that holds nothing else)')
      .option(
        '--project <name>',
        'top-level function and project name, a C++ name that the project does not define itself (default: the IR build.project or myproject)',
      )
      .option('--tb <inputs>', 'test-bench input events: .npy, or .npz with an array x (count, H, W, C)')
      .option(
        '--tb-events <n>',
        `number of test-bench events, 1..${MAX_TB_EVENTS.toLocaleString('en-US')} (the first n of --tb, or n generated events)`,
        integerArg(1, MAX_TB_EVENTS),
      )
      .option('--seed <seed>', 'seed of generated test-bench events', integerArg(0), 1)
      .option(
        '--plugin <package-or-path>',
        'load an outside backend first (repeatable): an ES module that registers it with registerBackend',
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option(
        '--part <part>',
        'FPGA part written to project.tcl (default: the IR build.part, else xcu250-figd2104-2L-e)',
      )
      .option(
        '--clock <ns>',
        'target clock period in ns (default: the IR build.clockPeriod, else 5)',
        numberArg(0, 1000),
      )
      .option(
        '--reuse-factor <R>',
        'share the multipliers of Dense and SparseConv2D layers R times (R-1 more cycles, II = R; bit-exact)',
        integerArg(1, 1000000),
      )
      .option(
        '--threshold-input',
        'make the InputReduce threshold an input port of the top function (set at run time)',
      )
      .option(
        '--hls-config <config.yml>',
        'hls4ml-style Model / LayerName settings: Precision, ReuseFactor, Strategy, TableSize; sparsepixels keys Model.Activity, LayerName.<pool>.ReciprocalBits',
      );
  },
  run,
};
