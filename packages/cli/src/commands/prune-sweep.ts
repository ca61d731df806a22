import { writeFileSync } from 'node:fs';
import { SparsePixelsError } from '@sparsepixels/core';
import type { ModelIR } from '@sparsepixels/ir';
import { macLayers, zeroSkipSimulate } from '@sparsepixels/sparse-weights';
import type { Command } from 'commander';
import { addDataKeyOptions, dataKeys } from '../cli/data-options';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg, numberArg } from '../cli/options';
import { checkOutFile } from '../cli/out-dir';
import { DATASETS } from '../data/registry';
import { formatColumns } from '../model/layer-table';
import { estimateDocument } from '@sparsepixels/estimate';
import { linePanels, renderSvg, type SeriesPoint, type TopLevelSpec } from '@sparsepixels/plot';
import type { MacCounts } from '@sparsepixels/sparse-weights';
import { parseBits, pick } from '../training/choices';
import { MODEL_VARIANTS } from '../training/model-variants';
import { addScheduleOptions, parseSparsity, pruneOptions } from '../training/prune-options';
import { trainCnn } from '../training/train-cnn';
import { trainingData } from '../training/training-data';
import type { CliCommand, CommandContext, CommandInput } from './command';

/** '0,0.3,0.5' -> [0, 0.3, 0.5]: distinct fractions in [0, 1), ascending as given. */
export function parseRatios(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (!parts.length || parts.some((p) => p === ''))
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--ratios '${text}' is not a comma-separated list of fractions such as 0,0.5,0.7`,
    );
  const ratios = parts.map((p) => parseSparsity(p, '--ratios value'));
  if (new Set(ratios).size !== ratios.length)
    throw new SparsePixelsError('SP_CLI_USAGE', `--ratios '${text}' lists a ratio twice`);
  return ratios;
}

/** Non-zero kernel weights over the MAC layers (the ones the firmware multiplies by). */
export function nonZeroWeights(ir: ModelIR): { nonZero: number; total: number } {
  let nonZero = 0;
  let total = 0;
  for (const l of macLayers(ir)) {
    total += l.kernel.length;
    for (const w of l.kernel) if (w !== 0n) nonZero++;
  }
  return { nonZero, total };
}

interface SweepRow {
  readonly ratio: number;
  readonly accuracy: number;
  readonly auc?: number;
  readonly macs: MacCounts;
  /** The estimator's figures for the emitted HLS design (before synthesis). */
  readonly estimate: { readonly latencyCycles: number; readonly latencyUs: number; readonly lut: number; readonly dsp: number };
  readonly nonZero: number;
  readonly weights: number;
  readonly floatAccuracy: number;
  readonly zeroSkipBitExact: boolean;
  readonly seconds: number;
}

async function run({ opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const gen = pick('dataset', String(opts.dataset), DATASETS);
  const variant = pick('model', String(opts.model), MODEL_VARIANTS);
  const bits = parseBits(opts.bits);
  const ratios = parseRatios(String(opts.ratios));
  const epochs = opts.epochs as number;
  const plot = opts.plot === false ? undefined : ctx.resolvePath(String(opts.plot));
  if (plot) {
    if (!plot.endsWith('.svg'))
      throw new SparsePixelsError(
        'SP_CLI_USAGE',
        `--plot must name an .svg file, got '${String(opts.plot)}'`,
      );
    checkOutFile(plot, opts.force === true);
  }
  // every ratio > 0 uses the same schedule; check it before the first training
  const base = await pruneOptions(0.5, opts, epochs);
  const data = trainingData(
    {
      gen,
      ...(opts.data === undefined ? {} : { file: String(opts.data), keys: dataKeys(opts) }),
      events: opts.events as number,
      seed: opts.seed as number,
      testFraction: 0.2,
      validationFraction: 0, // no best-validation checkpoint: every ratio keeps its last epoch
    },
    ctx,
  );
  const macEvents = Math.min(opts.macEvents as number, data.test.y.length);
  ctx.info(
    `prune sweep: ${gen.name} ${variant.name}, ${bits}-bit, ${epochs} epochs, seed ${String(opts.seed)}, ratios ${ratios.join(', ')} (${data.source})`,
  );
  const rows: SweepRow[] = [];
  for (const ratio of ratios) {
    const t = await trainCnn(
      {
        dataset: gen.name,
        ...(variant.nMax === undefined ? {} : { nMax: variant.nMax }),
        bits,
        epochs,
        batchSize: opts.batchSize as number,
        learningRate: opts.learningRate as number,
        seed: opts.seed as number,
        ...(ratio > 0 ? { prune: { ...base, sparsity: ratio } } : {}),
      },
      data.train,
      data.test,
      ctx,
    );
    const z = zeroSkipSimulate(t.ir, data.test.x, macEvents);
    const w = nonZeroWeights(t.ir);
    const est = estimateDocument(t.ir).estimate;
    const ev = t.evaluation;
    rows.push({
      ratio,
      accuracy: ev.firmware.accuracy,
      ...(ev.firmware.auc === undefined ? {} : { auc: ev.firmware.auc }),
      floatAccuracy: ev.float.accuracy,
      nonZero: w.nonZero,
      weights: w.total,
      macs: z.total.macs,
      estimate: { latencyCycles: est.latencyCycles, latencyUs: est.latencyUs, lut: est.lut, dsp: est.dsp },
      zeroSkipBitExact: z.bitExact,
      seconds: t.seconds,
    });
    ctx.info(
      `  ratio ${ratio}: firmware accuracy ${ev.firmware.accuracy.toFixed(3)}${ev.firmware.auc === undefined ? '' : `, AUC ${ev.firmware.auc.toFixed(3)}`}, ${w.nonZero}/${w.total} non-zero weights (${t.seconds.toFixed(1)} s)`,
    );
  }
  const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  const hasAuc = rows.some((r) => r.auc !== undefined);
  ctx.info('');
  const table = [
    [
      'ratio',
      'accuracy',
      ...(hasAuc ? ['AUC'] : []),
      'non-zero weights',
      'MACs/event dense',
      'input-sparse',
      'input+weight-sparse',
      'zero-skip bit-exact',
    ],
    ...rows.map((r) => [
      String(r.ratio),
      r.accuracy.toFixed(3),
      ...(hasAuc ? [r.auc?.toFixed(3) ?? '-'] : []),
      `${r.nonZero}/${r.weights}`,
      f(r.macs.dense),
      f(r.macs.inputSparse),
      f(r.macs.inputAndWeightSparse),
      r.zeroSkipBitExact ? 'yes' : 'NO',
    ]),
  ];
  for (const line of formatColumns(table)) ctx.info(line);
  ctx.info(
    `(firmware metrics on ${data.test.y.length} held-out events; MACs per event averaged over ${macEvents} of them)`,
  );
  ctx.info("latency and LUT: the estimator's figures for the HLS design (as in sparsepixels report), before synthesis");
  if (plot) {
    writeFileSync(
      plot,
      await renderSvg(sweepPanels(rows, `${gen.name} ${variant.name} ${bits}-bit: pruning sweep`)),
    );
    ctx.info(`plot: ${String(opts.plot)}`);
  }
  const ok = rows.every((r) => r.zeroSkipBitExact);
  ctx.result({
    input: null,
    out: plot ?? null,
    events: data.train.y.length + (data.validation?.y.length ?? 0) + data.test.y.length,
    dataset: gen.name,
    model: variant.name,
    bits,
    epochs,
    seed: opts.seed,
    schedule: base.schedule,
    scope: base.scope,
    testEvents: data.test.y.length,
    macEvents,
    rows,
    ...(plot ? { plot } : {}),
  });
  return ok ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** Accuracy, MACs, estimated latency and LUT against the pruning ratio (the shared line panels). */
export function sweepPanels(rows: readonly SweepRow[], title: string): TopLevelSpec {
  const pts = (series: string, y: (r: SweepRow) => number | undefined): SeriesPoint[] =>
    rows.flatMap((r) => (y(r) === undefined ? [] : [{ x: r.ratio, y: y(r)!, series }]));
  return linePanels({
    title,
    xTitle: 'pruned fraction of the weights',
    panels: [
      { title: 'firmware metric', yTitle: 'held-out events', points: [...pts('accuracy', (r) => r.accuracy), ...pts('AUC', (r) => r.auc)] },
      {
        title: 'MACs per event',
        yTitle: 'multiply-accumulates',
        points: [
          ...pts('dense', (r) => r.macs.dense),
          ...pts('input-sparse', (r) => r.macs.inputSparse),
          ...pts('input- and weight-sparse', (r) => r.macs.inputAndWeightSparse),
        ],
      },
      { title: 'estimated latency', yTitle: 'cycles', points: pts('HLS design', (r) => r.estimate.latencyCycles) },
      { title: 'estimated LUT', yTitle: 'LUT', points: pts('HLS design', (r) => r.estimate.lut) },
    ],
  });
}

/** `sparsepixels prune-sweep --dataset D --ratios 0,0.3,0.5,0.7,0.9`: what pruning costs and buys. */
export const pruneSweepCommand: CliCommand = {
  name: 'prune-sweep',
  summary: 'train one model per pruning ratio (same seed) and compare accuracy, non-zero weights and MACs',
  description:
    "Train the paper's model once per pruning ratio with the same data, seed and schedule, and print per ratio the " +
    'firmware accuracy (and AUC), the non-zero weights and the MACs per event (dense, with non-zero inputs, with ' +
    'non-zero inputs and weights) and the estimated latency and LUT of the HLS design, checking on the way that ' +
    'zero-skipping gives the interpreter bits. Writes a plot (SVG) of these against the ratio.',
  examples: [
    [
      'prune-sweep --dataset neutrino --ratios 0,0.3,0.5,0.7,0.9',
      'five models on 4000 generated neutrino windows',
    ],
    [
      'prune-sweep --dataset digits --ratios 0,0.7 --epochs 6 --prune-schedule polynomial:1,3 --plot d.svg',
      'gradual pruning',
    ],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .requiredOption('-d, --dataset <name>', `dataset: ${DATASETS.map((d) => d.name).join(', ')}`)
      .option(
        '-r, --ratios <list>',
        'pruning ratios (fractions of the weights), comma-separated',
        '0,0.3,0.5,0.7,0.9',
      )
      .option('--data <file>', 'train on x / y from this .npz or .h5 instead of generated events')
      .option('-n, --events <n>', 'generated events (train + test)', integerArg(10, 1000000), 4000)
      .option('-m, --model <name>', `model: ${MODEL_VARIANTS.map((v) => v.name).join(', ')}`, 'sparse-m')
      .option('--bits <bits>', 'quantization width: 8 or 16', '8')
      .option('-e, --epochs <n>', 'training epochs per ratio', integerArg(1, 10000), 10)
      .option('--batch-size <n>', 'events per batch', integerArg(1, 100000), 32)
      .option('--learning-rate <lr>', 'Adam learning rate', numberArg(0, 1), 3e-3)
      .option(
        '-s, --seed <seed>',
        'seed of the events, weights and shuffling (the same for every ratio)',
        integerArg(0),
        1219,
      )
      .option('--mac-events <n>', 'held-out events the MAC counts average over', integerArg(1, 1000000), 500)
      .option('--plot <file>', 'the plot (SVG)', 'prune-sweep.svg')
      .option('--no-plot', 'no plot')
      .option('-f, --force', 'overwrite the plot file');
    addScheduleOptions(cmd);
    addDataKeyOptions(cmd);
  },
  run,
};
