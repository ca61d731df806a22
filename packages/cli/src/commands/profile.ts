import {
  createProfiler,
  firstEvents,
  type ProfileEntry,
  type ProfileReport,
  type ValueRange,
} from '@sparsepixels/ir';
import { SparsePixelsError } from '@sparsepixels/core';
import { Argument, type Command } from 'commander';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { formatColumns } from '../model/layer-table';
import { loadPreparedModel } from '../model/load-model';
import { openEvents } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';

/** Events profiled per batch (the trace of every layer is held for one batch). */
const BATCH = 256;

const num = (v: number) =>
  v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) ? v.toExponential(2) : String(+v.toPrecision(5));
const range = (r: ValueRange | null) => (r === null ? '-' : `${num(r[0])}..${num(r[1])}`);
const exact = (r: ValueRange) => `${+r[0].toPrecision(8)}..${+r[1].toPrecision(8)}`;

function row(e: ProfileEntry): string[] {
  const bits = e.integerBitsNeeded === null ? `${e.integerBits}` : `${e.integerBits}/${e.integerBitsNeeded}`;
  const flag = e.saturated + e.wrapped > 0 ? '  <- overflow' : '';
  return [
    e.name,
    e.op,
    e.type,
    exact(e.range),
    range(e.observed),
    range(e.needed),
    bits,
    String(e.values),
    String(e.saturated),
    String(e.wrapped),
    String(e.clipped) + flag,
  ];
}

/** The profile as text: one line per place, then events over N and the verdict. */
export function formatProfile(r: ProfileReport): string[] {
  const head = [
    'layer',
    'op',
    'type',
    'type range',
    'observed',
    'needed',
    'int bits has/needs',
    'values',
    'saturated',
    'wrapped',
    'clipped',
  ];
  const lines = formatColumns([head, row(r.input), ...r.layers.map(row)]);
  const accum = r.layers.filter((l) => l.accumOverflows > 0);
  if (accum.length > 0)
    lines.push(
      '',
      ...accum.map(
        (l) =>
          `${l.name}: ${l.accumOverflows} of these overflowed in the accumulator ${l.accum} (before the result cast)`,
      ),
    );
  if (r.nMax !== null)
    lines.push(
      '',
      `events with more than N = ${r.nMax} active pixels: ${r.eventsOverNMax} of ${r.events} (${r.droppedPixels} pixels dropped by InputReduce)`,
    );
  lines.push('', r.verdict);
  return lines;
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const modelPath = ctx.resolvePath(String(args[0]));
  const { prepared, model, warnings } = await loadPreparedModel(modelPath);
  for (const w of warnings) ctx.warn(w);
  const given = eventsPath(opts);
  if (!given) throw new SparsePixelsError('SP_CLI_USAGE', 'give the events with --input or --data (one of them)');
  const input = ctx.resolvePath(given);
  const ev = openEvents(input, prepared.input.tensor.shape, dataKeys(opts));
  const events = firstEvents(ev.events, (opts.events as number | undefined) ?? ev.count);
  const profiler = createProfiler(prepared);
  const t0 = performance.now();
  const bar = ctx.progress('profiling', events.count);
  try {
    for (let start = 0; start < events.count; start += BATCH) {
      const n = Math.min(BATCH, events.count - start);
      profiler.add(events.read(start, n), n);
      bar.update(start + n);
    }
  } finally {
    bar.stop();
  }
  const r = profiler.report();
  ctx.info(
    `'${model.name}' on ${r.events} events of ${given} (values as the firmware computes them)`,
  );
  ctx.info('');
  for (const line of formatProfile(r)) ctx.info(line);
  ctx.result({
    input,
    out: null,
    events: r.events,
    timings: { profile: (performance.now() - t0) / 1000 },
    model: modelPath,
    verdict: r.verdict,
    problems: r.problems,
    nMax: r.nMax,
    eventsOverNMax: r.eventsOverNMax,
    droppedPixels: r.droppedPixels,
    inputValues: r.input,
    layers: r.layers,
  });
  return r.ok ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels profile <model> --input x.npz`: value ranges and overflow per layer on real data. */
export const profileCommand: CliCommand = {
  name: 'profile',
  summary: 'numerical profile: per layer the value range against its type, saturated and wrapped values',
  description:
    'Run the bit-exact interpreter on real events and report, for the input and every layer: the range its type holds, ' +
    'the range observed, the range the data needs (computed again with wider integer parts), the integer bits it has ' +
    'and needs, and how many values saturated or wrapped (also inside accumulators); then events with more than N ' +
    'active pixels and a one-line verdict. A saturation of at most one step (e.g. a softmax of 1.0 stored as 0.99998) ' +
    'is listed as clipped, not as overflow. Exit 0 when no value overflowed, 1 when some did. Events are read in ' +
    'slices: files of any size.',
  examples: [
    ['profile model.json --input test.npz', 'the table for every event of test.npz'],
    ['profile trained/tfjs --input x.npy --events 5000 --json', 'the first 5000 events; the report as JSON'],
    ['profile model.json --data test.h5 --x-key images', 'events of an HDF5 dataset'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder, or HLS project folder'))
      .option('-i, --input <file>', 'events to profile (.npy, .npz with an array x, or .h5 with a dataset x)')
      .option('--data <file>', 'the same as --input (e.g. --data file.h5 --x-key x)')
      .option('-n, --events <n>', 'profile only the first n events', integerArg(1));
    addDataKeyOptions(cmd);
  },
  run,
};
