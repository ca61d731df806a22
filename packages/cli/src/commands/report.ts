import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { findDevice, knownParts, type KernelFlavour } from '@sparsepixels/estimate';
import { didYouMean, writeOutputFolder, type ModelIR } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { numberArg } from '../cli/options';
import { checkOutDir, checkOutFile } from '../cli/out-dir';
import { writeFileAtomic } from '../io/atomic-write';
import { addMacEventOptions, countEventMacs, macEvents } from '../model/event-macs';
import { loadModelDocument, prepareLoaded } from '../model/load-model';
import { openEvents } from '../model/read-events';
import { buildReport, rocOf } from '../report/build-report';
import { findProject, measureProject } from '../report/project-kind';
import { REPORT_MARKER, reportFigures, reportHtml } from '../report/report-html';
import { reportJson } from '../report/report-json';
import { reportLines } from '../report/report-table';
import { reportRtlProject } from '../report/rtl-report';
import { VERSION } from '../version';
import type { CliCommand, CommandContext, CommandInput } from './command';

function part(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const p = String(value);
  if (!findDevice(p)) {
    const parts = knownParts();
    const devices = parts.map((x) => x.split('-')[0]!);
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--part '${p}' is not a known device; use one of ${parts.join(', ')}${didYouMean(p.split('-')[0]!, devices)}`,
    );
  }
  return p;
}

function kernels(value: unknown): KernelFlavour {
  const k = String(value ?? 'ours');
  if (k !== 'ours' && k !== 'reference')
    throw new SparsePixelsError('SP_CLI_USAGE', `--kernels '${k}' is not allowed; use ours or reference`);
  return k;
}

/** Labels as class indices: (count,) integers, or (count, classes) one-hot. */
function labels(
  y: { shape: readonly number[]; data: ArrayLike<number | bigint> } | undefined,
  count: number,
  file: string,
): Int32Array {
  if (!y)
    throw new SparsePixelsError(
      'SP_INPUT_FORMAT',
      "the .npz holds no array 'y' of labels (needed for the ROC curve)",
      file,
    );
  const data = Array.from(y.data as ArrayLike<number>, Number);
  if (y.shape[0] !== count)
    throw new SparsePixelsError(
      'SP_INPUT_SHAPE',
      `'y' has ${y.shape[0]} rows but 'x' has ${count} events`,
      file,
    );
  if (y.shape.length === 1) return Int32Array.from(data);
  const k = y.shape[1]!;
  return Int32Array.from({ length: count }, (_, e) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (data[e * k + c]! > data[e * k + best]!) best = c;
    return best;
  });
}

/** Writes the HTML (an existing file only if a previous report wrote it, or with --force). */
function writeHtml(file: string, html: string, force: boolean, inputFiles: readonly string[]): void {
  let ours = false;
  try {
    ours = readFileSync(file, 'utf8').includes(REPORT_MARKER);
  } catch {
    ours = false;
  }
  checkOutFile(file, force || ours, inputFiles);
  writeFileAtomic(file, (sink) => sink.write(Buffer.from(html, 'utf8')));
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const given = String(args[0]);
  const path = ctx.resolvePath(given);
  // an RTL project is measured (Verilator cycles, Yosys resources), not estimated
  const rtl = await reportRtlProject(path, opts, ctx);
  if (rtl !== undefined) return rtl;
  if (opts.synth === false)
    throw new SparsePixelsError('SP_CLI_USAGE', '--no-synth applies to RTL projects only (convert --backend rtl)');
  const project = findProject(path);
  const loaded = await loadModelDocument(project ? project.irFile : path);
  const { prepared, warnings } = prepareLoaded(loaded);
  for (const w of warnings) ctx.warn(w);
  const measurement = project ? await measureProject(path, project) : undefined;
  const p = part(opts.part);
  const options = {
    kernels: kernels(opts.kernels),
    ...(p ? { part: p } : {}),
    ...(opts.clock !== undefined ? { clockPeriod: opts.clock as number } : {}),
  };
  let data = buildReport(loaded.doc as ModelIR, options, measurement);
  if (opts.data !== undefined) {
    const file = ctx.resolvePath(String(opts.data));
    const ev = openEvents(file, prepared.input.tensor.shape);
    const y = labels(ev.y, ev.count, file);
    data = { ...data, roc: rocOf(prepared, ev.events.read(0, ev.count), y, ev.count) };
  }
  const ev = macEvents(prepared, opts, ctx, typeof opts.data === 'string' ? opts.data : undefined);
  data = { ...data, macs: countEventMacs(prepared, ev.x, ev.count, ev.source) };
  for (const line of reportLines(data)) ctx.info(line);
  const force = opts.force === true;
  let out: string | null = null;
  if (opts.html !== undefined || opts.svg !== undefined) {
    const inputFiles = [path, ...(opts.data === undefined ? [] : [ctx.resolvePath(String(opts.data))])];
    const svgDir = opts.svg === undefined ? undefined : ctx.resolvePath(String(opts.svg));
    if (svgDir) checkOutDir(svgDir, force, 'report-charts', inputFiles); // before anything is written
    const figures = await reportFigures(data);
    if (opts.html !== undefined) {
      const file = ctx.resolvePath(String(opts.html));
      writeHtml(file, await reportHtml(data, figures), force, inputFiles);
      out = file;
      ctx.info(`wrote ${String(opts.html)} (${figures.length} charts)`);
    }
    if (svgDir) {
      await writeOutputFolder(svgDir, { kind: 'report-charts', force, inputFiles, version: VERSION }, (tmp) => {
        for (const f of figures) writeFileSync(join(tmp, `${f.figure.id}.svg`), f.figure.svg);
      });
      out ??= svgDir;
      ctx.info(`wrote ${figures.length} SVG files to ${String(opts.svg)}`);
    }
  }
  ctx.result({
    input: project ? path : loaded.file,
    out,
    events: data.roc?.events ?? null,
    timings: { estimate: data.ms / 1000 },
    ...reportJson(data),
  });
  return EXIT_OK;
}

/** `sparsepixels report <model | project>`: latency, II and resources per layer, before synthesis. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'estimate latency, II, LUT/FF/DSP/BRAM per layer (read a project\'s synthesis reports; measure an RTL project)',
  description:
    'Estimate the latency (cycles and us at the clock), initiation interval and LUT, FF, DSP and BRAM18 of every layer ' +
    'and of the whole HLS design our backends emit, on a part, without running synthesis. The estimator is fitted on ' +
    'the published synthesis results of the reference kernels (see packages/estimate/README.md). Given a project folder ' +
    'that holds synthesis results (solution*/syn/report/*csynth.xml, vivado_synth.rpt), the measured figures are shown ' +
    'beside the estimate. --html writes a self-contained page with charts (per layer, versus N_max, standard vs sparse, ' +
    'and the ROC of float vs firmware with --data). It also prints the multiply-accumulates each MAC layer performs per ' +
    'event as the interpreter counts them (dense, input-sparse, input-and-weight-sparse), averaged over the events of ' +
    '--data or --events generated ones. ' +
    'Given an RTL project (convert --backend rtl), its figures are ' +
    'measured instead: latency and II from a Verilator simulation with events fed back to back (every output bit ' +
    'compared with the interpreter; exit 1 on a difference), LUT/FF/DSP/BRAM18/CARRY per layer and in total from ' +
    'Yosys synth_xilinx -abc9 (Yosys counts, not Vivado\'s) and the most LUTs between registers; --no-synth skips ' +
    'Yosys. The estimate options do not apply to RTL projects.',
  examples: [
    ['report model.json', 'the table on the terminal'],
    ['report prj --json', 'estimate and (if synthesised) measured figures of an HLS project, as JSON'],
    ['report rtl-prj --json', 'an RTL project: measured cycles, Yosys resources and LUT levels (source "rtl")'],
    [
      'report model.json --part xcvu9p-flga2104-2L-e --clock 4 --html report.html',
      'another part and clock, with charts',
    ],
    [
      'report model.json --data test.npz --html report.html',
      'plus ROC curves of float vs firmware on labelled events',
    ],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder, HLS or RTL project folder'))
      .option(
        '--part <part>',
        `FPGA part (default: the model's build.part); known: ${knownParts().join(', ')}`,
      )
      .option(
        '--clock <ns>',
        "clock period in ns (default: the model's build.clockPeriod)",
        numberArg(0, 1000),
      )
      .option(
        '--kernels <which>',
        'ours (the design our backends emit) or reference (the published kernels)',
        'ours',
      )
      .option('--html <file>', 'write a self-contained HTML report with charts')
      .option('--svg <dir>', 'write each chart as an SVG file into this (new) folder')
      .option(
        '--data <file.npz>',
        'labelled events (x, y) for ROC curves of the float model and the firmware',
      )
      .option('-f, --force', 'overwrite an --html report / --svg folder that sparsepixels wrote (never other files)')
      .option('--no-synth', 'RTL projects: measure the cycles only (no Yosys run)');
    addMacEventOptions(cmd);
  },
  run,
};
