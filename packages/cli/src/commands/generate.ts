import { SparsePixelsError } from '@sparsepixels/core';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { checkOutFile } from '../cli/out-dir';
import { didYouMean } from '@sparsepixels/ir';
import { generateDataset, oneHot, type Dataset } from '../data/dataset';
import { occupancyStats, type OccupancyStats } from '../data/occupancy';
import { DATASETS, findDataset } from '../data/registry';
import type { NpyArray } from '../io/npy';
import { writeNpz } from '../io/npz';
import type { CliCommand, CommandContext, CommandInput } from './command';

interface GenerateArgs {
  readonly dataset: string;
  readonly count: number;
  readonly seed: number;
  readonly out: string;
  readonly oneHot: boolean;
  readonly force: boolean;
}

function parseInput({ args, opts }: CommandInput): GenerateArgs {
  return {
    dataset: String(args[0]),
    count: opts.count as number,
    seed: opts.seed as number,
    out: String(opts.out),
    oneHot: opts.oneHot === true,
    force: opts.force === true,
  };
}

/** Checks the output path before any work is done, so a bad path fails fast and writes nothing. */
function checkOut(given: string, path: string, force: boolean): void {
  if (!given.endsWith('.npz')) {
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--out must name an .npz file (x and y are written as two arrays), got '${given}'`,
    );
  }
  checkOutFile(path, force);
}

function arrays(d: Dataset, asOneHot: boolean): { x: NpyArray; y: NpyArray } {
  const k = d.classes.length;
  return {
    x: { dtype: 'float32', shape: d.shape, data: d.x },
    y: asOneHot
      ? { dtype: 'float32', shape: [d.y.length, k], data: oneHot(d.y, k) }
      : { dtype: 'int32', shape: [d.y.length], data: d.y },
  };
}

const pct = (f: number) => `${(100 * f).toFixed(1)} %`;

function printSummary(
  ctx: CommandContext,
  d: Dataset,
  a: { x: NpyArray; y: NpyArray },
  occ: OccupancyStats,
  out: string,
): void {
  const counts = d.classes.map((_, c) => d.y.reduce((n, v) => n + (v === c ? 1 : 0), 0));
  const shape = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;
  ctx.info(`generated ${d.shape[0]} ${d.name} events (seed ${d.meta.seed}) -> ${out}`);
  ctx.info(`  x: ${a.x.dtype} ${shape(a.x.shape)}   y: ${a.y.dtype} ${shape(a.y.shape)}`);
  ctx.info(`  classes: ${d.classes.map((c, i) => `${i}=${c} (${counts[i]})`).join(', ')}`);
  ctx.info(
    `  active pixels per event (value > ${occ.threshold}): mean ${occ.mean.toFixed(1)}, median ${occ.median}, ` +
      `min ${occ.min}, max ${occ.max} (${pct(occ.meanFraction)} of ${occ.pixelsPerEvent})`,
  );
  ctx.info(
    `  events with more than N active pixels: ${Object.entries(occ.fractionAbove)
      .map(([n, f]) => `N=${n} ${pct(f)}`)
      .join(', ')}`,
  );
}

async function run(input: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const a = parseInput(input);
  const gen = findDataset(a.dataset);
  if (!gen) {
    const names = DATASETS.map((d) => d.name);
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `unknown dataset '${a.dataset}'; choose one of ${names.join(', ')}${didYouMean(a.dataset, names)}`,
    );
  }
  const out = ctx.resolvePath(a.out);
  checkOut(a.out, out, a.force);
  const bar = ctx.progress(`generating ${gen.name}`, a.count);
  let d: Dataset;
  try {
    d = generateDataset(gen, { count: a.count, seed: a.seed, onProgress: (n) => bar.update(n) });
  } finally {
    bar.stop();
  }
  const arr = arrays(d, a.oneHot);
  writeNpz(out, arr);
  const occ = occupancyStats(d.x, d.shape, gen.activeThreshold);
  printSummary(ctx, d, arr, occ, a.out);
  ctx.result({
    command: 'generate',
    dataset: d.name,
    count: d.shape[0],
    seed: d.meta.seed,
    generatorVersion: d.meta.generatorVersion,
    out,
    arrays: { x: { dtype: arr.x.dtype, shape: arr.x.shape }, y: { dtype: arr.y.dtype, shape: arr.y.shape } },
    classes: d.classes.map((name, label) => ({
      label,
      name,
      count: d.y.reduce((n, v) => n + (v === label ? 1 : 0), 0),
    })),
    occupancy: occ,
  });
  return EXIT_OK;
}

/** `sparsepixels generate <dataset>`: a synthetic dataset written as x/y arrays in an .npz. */
export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'generate a synthetic sparse dataset (.npz with x and y) and print its occupancy',
  description:
    'Generate a seeded synthetic dataset and write it as an .npz (np.load-able) with x: float32 ' +
    '(count, H, W, 1) and y: int32 class labels (or one-hot float32 with --one-hot). Prints active-pixel ' +
    'statistics: mean/median/max per event and the fraction of events with more than N = 8/12/16/20.',
  examples: [
    ['generate neutrino --count 2000 --seed 7 --out nu.npz', '2000 LArTPC-like windows, neutrino vs cosmic'],
    ['generate jet -n 5000 -o jets.npz --one-hot', '5-class jet images with one-hot labels'],
    ['generate digits -n 1000 -o digits.npz --json', 'sparse digits; statistics as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(
        new Argument('<dataset>', `dataset to generate: ${DATASETS.map((d) => d.name).join(', ')}`),
      )
      .option('-n, --count <n>', 'number of events (classes balanced)', integerArg(1), 1000)
      .option('-s, --seed <seed>', 'random seed; the same seed gives the same bytes', integerArg(0), 1)
      .requiredOption('-o, --out <file.npz>', 'output file (.npz), written atomically')
      .option('--one-hot', 'write y as one-hot float32 (count, classes) instead of int32 labels')
      .option('-f, --force', 'overwrite an existing .npz file (never a folder or another kind of file)');
  },
  run,
};
