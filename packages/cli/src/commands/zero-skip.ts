import { SparsePixelsError } from '@sparsepixels/core';
import { readStore, zeroSkipSimulate, type ZeroSkipReport } from '@sparsepixels/sparse-weights';
import { Argument, type Command } from 'commander';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg, numberArg } from '../cli/options';
import { formatColumns } from '../model/layer-table';
import { loadPreparedModel } from '../model/load-model';
import { randomEvents } from '../model/random-events';
import { readFirstEvents } from '../model/read-events';
import { storeFolderReader } from '../weights/store-folder';
import type { CliCommand, CommandContext, CommandInput } from './command';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The store to simulate: a folder written by export-weights (paths named in errors), or none (in memory). */
function storeOption(opts: CommandInput['opts'], ctx: CommandContext) {
  if (opts.store === undefined) return undefined;
  const dir = ctx.resolvePath(String(opts.store));
  try {
    return readStore(storeFolderReader(dir));
  } catch (e) {
    if (e instanceof SparsePixelsError && e.code === 'SP_WEIGHT_STORE')
      throw new SparsePixelsError(e.code, `${dir}/${e.message}`);
    throw e;
  }
}

export function zeroSkipLines(r: ZeroSkipReport): string[] {
  const rows = [
    [
      'layer',
      'op',
      'non-zero weights',
      'MACs dense',
      'input-sparse',
      'input+weight-sparse',
      `cycles @${r.macsPerCycle}/cycle dense`,
      'zero-skip',
      'bit-exact',
    ],
    ...r.layers.map((l) => [
      l.name,
      l.op,
      `${l.nonZeroWeights}/${l.weights}`,
      fmt(l.macs.dense),
      fmt(l.macs.inputSparse),
      fmt(l.macs.inputAndWeightSparse),
      fmt(l.cycles.dense),
      fmt(l.cycles.inputAndWeightSparse),
      l.bitExact
        ? 'yes'
        : `NO (${l.mismatches.denseVsInterpreter} dense, ${l.mismatches.zeroSkipVsDense} zero-skip outputs differ)`,
    ]),
  ];
  const t = r.total;
  return [
    ...formatColumns(rows),
    '',
    `per event (mean of ${r.events}): ${fmt(t.macs.dense)} MACs dense, ${fmt(t.macs.inputSparse)} with non-zero inputs, ${fmt(t.macs.inputAndWeightSparse)} with non-zero inputs and weights (${fmt(t.macs.dense - t.macs.inputAndWeightSparse)} skipped)`,
    `at ${r.macsPerCycle} MAC/cycle and ${r.clockNs} ns: ${fmt(t.cycles.dense)} cycles (${fmt(t.ns.dense)} ns) dense, ${fmt(t.cycles.inputSparse)} (${fmt(t.ns.inputSparse)} ns) input-sparse, ${fmt(t.cycles.inputAndWeightSparse)} (${fmt(t.ns.inputAndWeightSparse)} ns) zero-skip`,
  ];
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  if (opts.input !== undefined && opts.data !== undefined)
    throw new SparsePixelsError('SP_CLI_USAGE', 'give --input or --data, not both');
  const { prepared, model, warnings } = await loadPreparedModel(ctx.resolvePath(String(args[0])));
  for (const w of warnings) ctx.warn(w);
  const store = storeOption(opts, ctx);
  const input = eventsPath(opts);
  const count = opts.events as number;
  let x: Float64Array;
  let n: number;
  if (input === undefined) {
    x = randomEvents(prepared, count, opts.seed as number);
    n = count;
  } else {
    ({ x, count: n } = readFirstEvents(ctx.resolvePath(input), model.input.shape, dataKeys(opts), count));
  }
  const layers = Array.isArray(opts.layer) ? (opts.layer as string[]) : undefined;
  const r = zeroSkipSimulate(prepared, x, n, {
    ...(layers ? { layers } : {}),
    ...(store ? { store } : {}),
    macsPerCycle: opts.macsPerCycle as number,
    ...(opts.clock === undefined ? {} : { clockNs: opts.clock as number }),
  });
  ctx.info(
    `zero-skip simulation of '${model.name}' on ${n} ${input === undefined ? `generated events (seed ${String(opts.seed)})` : `events of ${input}`}, weights from ${opts.store === undefined ? 'the model (compressed in memory)' : `the store ${String(opts.store)}`}`,
  );
  ctx.info('');
  for (const line of zeroSkipLines(r)) ctx.info(line);
  ctx.info(
    r.bitExact
      ? 'every output of the dense and the zero-skip runs equals the interpreter, bit for bit'
      : 'MISMATCH: the zero-skip or dense outputs differ from the interpreter',
  );
  ctx.result({ ...r, input: ctx.resolvePath(String(args[0])), out: null, events: n });
  return r.bitExact ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels zero-skip <model>`: dense vs zero-skipping MACs on the compressed store, checked bit for bit. */
export const zeroSkipCommand: CliCommand = {
  name: 'zero-skip',
  summary:
    'run MAC layers dense and zero-skipping on the compressed weight store; MACs, cycles, bit-exact check',
  description:
    'For every Dense, Conv2D and SparseConv2D layer (or --layer), run each event twice on the compressed (index, value) ' +
    'weight store: dense (every weight and input, zeros included) and zero-skipping (only stored non-zero weights whose ' +
    'input is non-zero), each step the normative acc += w * x of docs/semantics.md, and compare the raw output bits ' +
    'with each other and with the interpreter. Prints MACs per event (dense, input-sparse, input-and-weight-sparse) ' +
    'and the cycles of an engine doing --macs-per-cycle MACs per cycle at --clock ns. Exit 1 if any bit differs.',
  examples: [
    ['zero-skip model.json', '200 generated events, every MAC layer, 1 MAC per cycle'],
    [
      'zero-skip model.json --layer fc1 --macs-per-cycle 4 --clock 4 --input test.npz',
      'one layer on your events',
    ],
    ['zero-skip model.json --store weights', 'on the files export-weights wrote'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder, or HLS project folder'))
      .option('-l, --layer <name>', 'only this layer (repeatable)', collect)
      .option(
        '--macs-per-cycle <m>',
        'multiply-accumulates the engine performs per cycle',
        integerArg(1, 1 << 20),
        1,
      )
      .option(
        '--clock <ns>',
        "clock period in ns (default: the model's build clock, else 5)",
        numberArg(0, 1e6),
      )
      .option(
        '-i, --input <file>',
        'events: .npy, .npz with an array x (count, H, W, C), or .h5 with a dataset x',
      )
      .option('--data <file>', 'the same as --input')
      .option(
        '-n, --events <n>',
        'events to simulate (generated ones, or the first n of --input)',
        integerArg(1, 1000000),
        200,
      )
      .option('--seed <seed>', 'seed of generated events', integerArg(0), 1)
      .option('--store <dir>', 'read the weights from this export-weights folder instead of the model');
    addDataKeyOptions(cmd);
  },
  run,
};
