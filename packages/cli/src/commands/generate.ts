import { SparsePixelsError } from '@sparsepixels/core';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { checkOutFile } from '../cli/out-dir';
import { didYouMean } from '@sparsepixels/ir';
import { activeCounts, occupancyFromCounts, type OccupancyStats } from '../data/occupancy';
import { generateChunks, oneHot, type EventGenerator } from '../data/dataset';
import { DATASETS, findDataset } from '../data/registry';
import { writeNpzStreaming, type NpyPlan } from '../io/npy-stream';
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

/** The most events `generate` writes: memory stays bounded (events are streamed to the file). */
export const GENERATE_MAX_EVENTS = 1_000_000;

/** Events generated and written per chunk (about 4 MB of float32 pixels for neutrino windows). */
const CHUNK = 256;

const pct = (f: number) => `${(100 * f).toFixed(1)} %`;
const shapeText = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

interface Generated {
  readonly x: NpyPlan;
  readonly y: NpyPlan;
  readonly labels: Int32Array;
  readonly occupancy: OccupancyStats;
}

/**
 * Generates the dataset straight into the .npz, a chunk at a time: x (float32 images) is streamed
 * as it is drawn, y follows; memory holds one chunk plus a label and a count per event.
 */
function generateInto(
  path: string,
  gen: EventGenerator,
  a: GenerateArgs,
  onProgress: (n: number) => void,
): Generated {
  const k = gen.classes.length;
  const pixels = gen.height * gen.width;
  const x: NpyPlan = { dtype: 'float32', shape: [a.count, gen.height, gen.width, 1] };
  const y: NpyPlan = a.oneHot
    ? { dtype: 'float32', shape: [a.count, k] }
    : { dtype: 'int32', shape: [a.count] };
  const counts = new Int32Array(a.count);
  let labels: Int32Array = new Int32Array(0);
  writeNpzStreaming(path, [
    {
      name: 'x',
      ...x,
      fill: (append) => {
        labels = generateChunks(
          gen,
          { count: a.count, seed: a.seed, maxCount: GENERATE_MAX_EVENTS, chunk: CHUNK, onProgress },
          (chunk, start) => {
            counts.set(activeCounts(chunk, pixels, 1, gen.activeThreshold), start);
            append(chunk);
          },
        );
      },
    },
    { name: 'y', ...y, fill: (append) => append(a.oneHot ? oneHot(labels, k) : labels) },
  ]);
  return { x, y, labels, occupancy: occupancyFromCounts(counts, pixels, gen.activeThreshold) };
}

function printSummary(ctx: CommandContext, gen: EventGenerator, a: GenerateArgs, g: Generated): void {
  const occ = g.occupancy;
  const counts = gen.classes.map((_, c) => g.labels.reduce((n, v) => n + (v === c ? 1 : 0), 0));
  ctx.info(`generated ${a.count} ${gen.name} events (seed ${a.seed}) -> ${a.out}`);
  ctx.info(`  x: ${g.x.dtype} ${shapeText(g.x.shape)}   y: ${g.y.dtype} ${shapeText(g.y.shape)}`);
  ctx.info(`  classes: ${gen.classes.map((c, i) => `${i}=${c} (${counts[i]})`).join(', ')}`);
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
  const t0 = performance.now();
  const bar = ctx.progress(`generating ${gen.name}`, a.count);
  let g: Generated;
  try {
    g = generateInto(out, gen, a, (n) => bar.update(n));
  } finally {
    bar.stop();
  }
  printSummary(ctx, gen, a, g);
  ctx.result({
    command: 'generate',
    out,
    events: a.count,
    seconds: (performance.now() - t0) / 1000,
    dataset: gen.name,
    seed: a.seed,
    generatorVersion: gen.generatorVersion,
    arrays: { x: { dtype: g.x.dtype, shape: g.x.shape }, y: { dtype: g.y.dtype, shape: g.y.shape } },
    classes: gen.classes.map((name, label) => ({
      label,
      name,
      count: g.labels.reduce((n, v) => n + (v === label ? 1 : 0), 0),
    })),
    occupancy: g.occupancy,
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
      .option(
        '-n, --count <n>',
        `number of events, 1..${GENERATE_MAX_EVENTS.toLocaleString('en-US')} (classes balanced; streamed to the file, memory stays bounded)`,
        integerArg(1, GENERATE_MAX_EVENTS),
        1000,
      )
      .option('-s, --seed <seed>', 'random seed; the same seed gives the same bytes', integerArg(0), 1)
      .requiredOption('-o, --out <file.npz>', 'output file (.npz), written atomically')
      .option('--one-hot', 'write y as one-hot float32 (count, classes) instead of int32 labels')
      .option('-f, --force', 'overwrite an existing .npz file (never a folder or another kind of file)');
  },
  run,
};
