import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { Argument, InvalidArgumentError, type Command } from 'commander';
import { addDataKeyOptions, dataKeys } from '../cli/data-options';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { checkOutFile } from '../cli/out-dir';
import { occupancyStats } from '../data/occupancy';
import { writeNpz } from '../io/npz';
import { shapeText } from '../model/read-events';
import { openEvents } from '../preprocess/event-source';
import { PREPROCESS_STEPS, type Step } from '../preprocess/image-steps';
import { runPreprocess } from '../preprocess/run-preprocess';
import type { CliCommand, CommandContext, CommandInput } from './command';

/** Where a step option sits on the command line: steps run in the order they are given. */
interface Placed {
  readonly seq: number;
  readonly value: string;
}

let sequence = 0;
const place = (value: string, previous: Placed[] | undefined): Placed[] => [...(previous ?? []), { seq: sequence++, value }];
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** The steps in command-line order, parsed. */
function stepsOf(opts: Readonly<Record<string, unknown>>): Step[] {
  const placed = PREPROCESS_STEPS.flatMap((def) => ((opts[camel(def.flag)] as Placed[] | undefined) ?? []).map((p) => ({ ...p, def })));
  return placed.sort((a, b) => a.seq - b.seq).map((p) => p.def.parse(p.value));
}

function dtypeArg(v: string): 'float32' | 'float64' {
  if (v !== 'float32' && v !== 'float64') throw new InvalidArgumentError('Use float32 or float64.');
  return v;
}

const pct = (f: number) => `${(100 * f).toFixed(1)} %`;

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const input = String(args[0]);
  const given = String(opts.out);
  if (extname(given).toLowerCase() !== '.npz') throw new SparsePixelsError('SP_CLI_USAGE', `--out must name an .npz file (x, and y when the input has labels), got '${given}'`);
  const out = ctx.resolvePath(given);
  checkOutFile(out, opts.force === true, [ctx.resolvePath(input)]);
  const steps = stepsOf(opts);
  const src = openEvents(ctx.resolvePath(input), dataKeys(opts));
  const start = (opts.start as number | undefined) ?? 0;
  const count = opts.count as number | undefined;
  const total = count ?? src.total - start;
  const t0 = performance.now();
  const bar = ctx.progress('preprocessing', total);
  let r;
  try {
    r = runPreprocess(src, steps, { start, ...(count !== undefined ? { count } : {}), dtype: (opts.dtype as 'float32' | 'float64' | undefined) ?? 'float32', onProgress: (n) => bar.update(n) });
  } finally {
    bar.stop();
  }
  writeNpz(out, { x: r.x, ...(r.y ? { y: r.y } : {}) });
  const x32 = r.x.data instanceof Float32Array ? r.x.data : Float32Array.from(r.x.data as Float64Array);
  const occ = occupancyStats(x32, r.x.shape, 0);
  ctx.info(`read ${r.x.shape[0]} events of '${src.xName}' ${shapeText(src.event)} from ${input}${start ? ` (from event ${start})` : ''}`);
  ctx.info(steps.length ? `  ${steps.map((s) => s.text).join(' -> ')}` : '  no steps: events copied');
  ctx.info(`wrote ${given}: x ${r.x.dtype} ${shapeText(r.x.shape)}${r.y ? `, y ${r.y.dtype} ${shapeText(r.y.shape)}` : ''}`);
  ctx.info(`  active pixels per event (value > 0): mean ${occ.mean.toFixed(1)}, median ${occ.median}, min ${occ.min}, max ${occ.max} (${pct(occ.meanFraction)} of ${occ.pixelsPerEvent})`);
  ctx.info(`  events with more than N active pixels: ${Object.entries(occ.fractionAbove).map(([n, f]) => `N=${n} ${pct(f)}`).join(', ')}`);
  ctx.result({
    input: ctx.resolvePath(input),
    out,
    events: r.x.shape[0] ?? 0,
    timings: { preprocess: (performance.now() - t0) / 1000 },
    steps: steps.map((s) => s.text),
    start,
    arrays: { x: { dtype: r.x.dtype, shape: r.x.shape }, ...(r.y ? { y: { dtype: r.y.dtype, shape: r.y.shape } } : {}) },
    occupancy: occ,
  });
  return EXIT_OK;
}

/** `sparsepixels preprocess <input> --out x.npz [steps]`: crop, downsample, threshold, scale... in the order given. */
export const preprocessCommand: CliCommand = {
  name: 'preprocess',
  summary: 'crop, downsample (sum/max/avg), threshold, scale, pad, normalize or inflate images (.npy/.npz/.h5) into an .npz',
  description:
    'Preprocess detector images as the published datasets were: the step options run in the order they are given on ' +
    'the command line, each on every event. Input: an .npy, an .npz (array x, or --x-key) or an HDF5 file (dataset ' +
    '--x-key, default x; read in slices of events, so files larger than memory work); events are (count, H, W) or ' +
    '(count, H, W, C). Output: an .npz with x (count, H, W, C), float32 by default, and the labels (--y-key, or y when ' +
    'present) of the same events. Computation is in float64.',
  examples: [
    ['preprocess jets.h5 --x-key x --y-key y --crop 22:78,22:78 --scale 1/1200 --clip 1 --threshold 0.003 --inflate 2 --out jet.npz', "the jet images' preprocessing"],
    ['preprocess windows.npy --downsample 4x8 --min-value 700 --crop :63,:63 --scale 1/3200 --out nu.npz', 'neutrino windows: 4x8 sums, noise cut, crop, scale'],
    ['preprocess mnist.npz --scale 1/255 --downsample 3:avg --pad 48x48 --normalize max --inflate 3.5 --min-value 0.4 --out digits.npz', 'sparse MNIST'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<input>', 'events: .npy, .npz or .h5'))
      .requiredOption('-o, --out <file.npz>', '.npz to write (x, and y when the input has labels)')
      .option('--start <n>', 'first event to read (default 0)', integerArg(0))
      .option('--count <n>', 'number of events (default: all from --start)', integerArg(1))
      .option('--dtype <float32|float64>', 'element type of the written x (default float32)', dtypeArg);
    for (const def of PREPROCESS_STEPS) cmd.option(`--${def.flag} ${def.value}`, `${def.help} (repeatable)`, place);
    addDataKeyOptions(cmd);
    cmd.option('-f, --force', 'overwrite --out if it exists');
  },
  run,
};
