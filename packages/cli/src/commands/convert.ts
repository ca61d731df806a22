import { SparsePixelsError } from '@sparsepixels/core';
import type { EmitProjectResult } from '@sparsepixels/hls-vivado';
import { firstEvents, type EmitResult, type InputEvents, type ModelIR } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { checkOutDir } from '../cli/out-dir';
import { loadPlugin } from '../cli/plugins';
import { cliCommand } from '../cli/shell-quote';
import { findBackend, HLS_BACKENDS, isHlsBackend } from '../hls/hls-backends';
import { loadModelDocument, prepareLoaded } from '../model/load-model';
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
}

function parseInput({ args, opts }: CommandInput): ConvertArgs {
  const project = opts.project === undefined ? undefined : String(opts.project);
  if (project !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(project)) {
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--project '${project}' is not allowed; use a C identifier (letters, digits, '_', not starting with a digit)`,
    );
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
  };
}

/** Test-bench events: the first --tb-events of --tb, or that many generated events, or the backend's default. */
function testInputs(a: ConvertArgs, model: ModelIR, ctx: CommandContext): InputEvents | undefined {
  if (a.tb !== undefined) {
    const ev = openEvents(ctx.resolvePath(a.tb), model.input.shape);
    if (a.tbEvents === undefined && ev.count > MAX_TB_EVENTS)
      throw new SparsePixelsError(
        'SP_CLI_USAGE',
        `the file holds ${ev.count} events; a test bench holds at most ${MAX_TB_EVENTS}: pass --tb-events <n>`,
        ctx.resolvePath(a.tb),
      );
    return firstEvents(ev.events, a.tbEvents ?? ev.count);
  }
  return a.tbEvents === undefined ? undefined : randomInputEvents(model, a.tbEvents, a.seed);
}

/** Warns when the --tb events overflow the model's types (the first events of the file). */
function checkOverflow(a: ConvertArgs, model: ModelIR, events: InputEvents, ctx: CommandContext): void {
  const sample = new ProfileSample(model);
  const n = Math.min(events.count, 10_000);
  for (let start = 0; start < n; start += 1024)
    sample.add(events.read(start, Math.min(1024, n - start)), Math.min(1024, n - start));
  for (const w of overflowWarnings(sample.report(), `'${a.tb}'`)) ctx.warn(w);
}

async function run(input: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const a = parseInput(input);
  for (const p of a.plugins) await loadPlugin(p, ctx.cwd);
  const backend = findBackend(a.backend);
  const out = ctx.resolvePath(a.out);
  checkOutDir(out, a.force);
  const modelPath = ctx.resolvePath(a.model);
  const loaded = await loadModelDocument(modelPath);
  const { model } = prepareLoaded(loaded);
  const events = testInputs(a, model, ctx);
  if (events && a.tb !== undefined) checkOverflow(a, model, events, ctx);
  const doc = loaded.doc as ModelIR;
  const withProject = a.project ? { ...doc, build: { ...doc.build, project: a.project } } : doc;
  const t0 = performance.now();
  const bar = ctx.progress('writing the test bench', 2 * (events?.count ?? 0));
  let r: EmitResult;
  try {
    r = await backend.emit(withProject, out, {
      force: a.force,
      ...(events ? { testInputs: events } : {}),
      onTestEvents: (done: number) => bar.update(done),
    });
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const hls = isHlsBackend(backend) ? (r as EmitProjectResult) : undefined;
  const title = isHlsBackend(backend) ? backend.profile.title : backend.name;
  const warnings = hls?.warnings ?? [];
  for (const w of warnings) ctx.warn(w);
  if (hls) {
    ctx.info(
      `wrote ${title} project '${hls.project}' to ${a.out} (${r.files.length} files, ${hls.eventCount} test-bench events, ${(seconds * 1000).toFixed(0)} ms)`,
    );
    ctx.info(`  model '${model.name}' from ${a.model}`);
    ctx.info(
      `next: ${cliCommand('csim', a.out)}    # compile with g++ and compare every output bit with the interpreter`,
    );
  } else {
    ctx.info(
      `wrote '${backend.name}' output to ${a.out} (${r.files.length} files, ${(seconds * 1000).toFixed(0)} ms)`,
    );
    ctx.info(`  model '${model.name}' from ${a.model}`);
  }
  ctx.result({
    input: modelPath,
    out: r.outDir,
    events: hls ? hls.eventCount : null,
    timings: { emit: seconds },
    backend: backend.name,
    project: hls?.project ?? null,
    files: r.files,
  });
  return EXIT_OK;
}

/** `sparsepixels convert <model> --backend vivado|vitis --out <dir>`: emit the HLS project. */
export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'emit a Vivado or Vitis HLS project for a model (with bit-exact test-bench data)',
  description:
    'Emit a self-contained HLS project (hls4ml layout: firmware/, weights, test bench, tb_data/, build scripts, the IR ' +
    'it came from) for an IR document or a saved TensorFlow.js model. The test bench holds input events (from --tb, ' +
    `generated with --tb-events, or a few default events; at most ${MAX_TB_EVENTS.toLocaleString('en-US')}, written a batch ` +
    "at a time) and the interpreter's bit-exact outputs; --tb events that overflow the model's types are warned about. " +
    'The project is written to a temporary folder and renamed into place; a non-empty --out is refused without --force. ' +
    '--plugin loads an outside backend (an ES module that calls registerBackend of @sparsepixels/ir) to use with --backend.',
  examples: [
    ['convert model.json --backend vitis --out prj', 'Vitis HLS project in ./prj'],
    [
      'convert model.json --backend vivado --out prj --tb test.npz --tb-events 200',
      'test bench from the first 200 events of test.npz',
    ],
    [
      'convert trained/tfjs --out prj --project trigger --force',
      'from a saved model, top function "trigger"',
    ],
    ['convert model.json --plugin ./summary-backend.mjs --backend summary --out sheet', 'an outside backend'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json or saved-model folder'))
      .option(
        '-b, --backend <name>',
        `backend: ${HLS_BACKENDS.map((b) => b.name).join(', ')}, or one a --plugin registers`,
        'vitis',
      )
      .requiredOption('-o, --out <dir>', 'project folder to write')
      .option('-f, --force', 'replace a non-empty output folder')
      .option(
        '--project <name>',
        'top-level function and project name (default: the IR build.project or myproject)',
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
      );
  },
  run,
};
