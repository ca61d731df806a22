import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  createInterpreter,
  decideClass,
  outputMeaning,
  type InterpretResult,
  type OutputBatch,
  type PreparedModel,
  type RawBatch,
} from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';
import { checkOutFile } from '../cli/out-dir';
import { writeNpyStreaming, writeNpzStreaming, type AppendElements, type NpyPlan } from '../io/npy-stream';
import { loadPreparedModel } from '../model/load-model';
import { overflowWarnings, ProfileSample } from '../model/overflow-warnings';
import { openEvents, shapeText, type EventFile } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';

const SHOWN = 10;
/** Events interpreted (and read from the file) at a time: memory stays bounded for any count. */
const CHUNK = 1024;

interface OutputInfo {
  readonly name: string;
  readonly shape: readonly number[];
  readonly type: string;
  readonly size: number;
}

/** What a full pass gathers besides the written arrays. */
interface Summary {
  correct: number;
  readonly shown: { values: number[][]; raw: string[][] }[];
  /** Every value of every output, only for --json without --out. */
  readonly all?: (number | string)[][];
}

/** Class labels from the .npz's y (int labels or one-hot), when it has one per event. */
function labels(ev: EventFile): number[] | undefined {
  const y = ev.y;
  if (!y || y.shape[0] !== ev.count || y.data instanceof BigInt64Array) return undefined;
  const d = y.data as ArrayLike<number>;
  if (y.shape.length === 1) return Array.from(d);
  const k = y.shape[1]!;
  return Array.from({ length: ev.count }, (_, e) => {
    let best = 0;
    for (let j = 1; j < k; j++) if (d[e * k + j]! > d[e * k + best]!) best = j;
    return best;
  });
}


function rawInt64(raw: RawBatch): BigInt64Array {
  return raw instanceof Float64Array ? BigInt64Array.from(raw, (v) => BigInt(v)) : BigInt64Array.from(raw);
}

/** Interprets every event in chunks, handing each chunk's result to `each`. */
function runChunks(
  prepared: PreparedModel,
  ev: EventFile,
  each: (r: InterpretResult, x: ArrayLike<number>, start: number, n: number) => void,
): void {
  const it = createInterpreter(prepared);
  for (let start = 0; start < ev.count; start += CHUNK) {
    const n = Math.min(CHUNK, ev.count - start);
    const x = ev.events.read(start, n);
    each(it.run(x, n), x, start, n);
  }
}

function outputInfo(prepared: PreparedModel): OutputInfo[] {
  const r = createInterpreter(prepared).run(new Float64Array(0), 0);
  return r.outputs.map((o: OutputBatch) => ({
    name: o.name,
    shape: o.shape,
    type: o.type,
    size: o.shape.reduce((a, b) => a * b, 1),
  }));
}

function plan(o: OutputInfo, count: number, raw: boolean): NpyPlan {
  return { dtype: raw ? 'int64' : 'float64', shape: [count, ...o.shape] };
}

interface Run {
  readonly prepared: PreparedModel;
  readonly ev: EventFile;
  readonly raw: boolean;
  readonly keepAll: boolean;
  readonly sample: ProfileSample;
  readonly progress: (done: number) => void;
}

/** The pass that writes output `k` (when `append`) and gathers accuracy, shown rows and the overflow sample. */
function fullPass(p: Run, y: number[] | undefined, k: number, append?: AppendElements): Summary {
  const outs = outputInfo(p.prepared);
  const meaning = outputMeaning(p.prepared.model); // the decision rule of docs/semantics.md (ties: class 0 / the lower class)
  const s: Summary = {
    correct: 0,
    shown: outs.map(() => ({ values: [], raw: [] })),
    ...(p.keepAll ? { all: outs.map(() => []) } : {}),
  };
  runChunks(p.prepared, p.ev, (r, x, start, n) => {
    if (append) append(p.raw ? rawInt64(r.raw[k]!) : r.values[k]!);
    p.sample.add(x, n);
    const units = outs[0]!.size;
    if (y) for (let e = 0; e < n; e++) if (decideClass(r.values[0]!, e, units, meaning) === y[start + e]) s.correct++;
    outs.forEach((o, j) => {
      for (let e = 0; e < n && start + e < SHOWN; e++) {
        s.shown[j]!.values.push(Array.from(r.values[j]!.subarray(e * o.size, (e + 1) * o.size)));
        s.shown[j]!.raw.push(Array.from(rawInt64(r.raw[j]!).subarray(e * o.size, (e + 1) * o.size), String));
      }
      if (s.all)
        for (const v of p.raw ? Array.from(rawInt64(r.raw[j]!), String) : r.values[j]!) s.all[j]!.push(v);
    });
    p.progress(start + n);
  });
  return s;
}

/** Runs the model over all events, writing --out as it goes (one pass per output array). */
function predictAll(p: Run, out: string | undefined, y: number[] | undefined): Summary {
  const outs = outputInfo(p.prepared);
  if (!out) return fullPass(p, y, 0);
  let summary: Summary | undefined;
  if (extname(out) === '.npy') {
    if (outs.length > 1)
      throw new SparsePixelsError(
        'SP_CLI_USAGE',
        `the model has ${outs.length} outputs (${outs.map((o) => o.name).join(', ')}); use an .npz for --out`,
        out,
      );
    writeNpyStreaming(
      out,
      plan(outs[0]!, p.ev.count, p.raw),
      (append) => (summary = fullPass(p, y, 0, append)),
    );
    return summary!;
  }
  writeNpzStreaming(
    out,
    outs.map((o, k) => ({
      name: o.name,
      ...plan(o, p.ev.count, p.raw),
      fill: (append: AppendElements) => {
        if (k === 0) summary = fullPass(p, y, 0, append);
        else runChunks(p.prepared, p.ev, (r) => append(p.raw ? rawInt64(r.raw[k]!) : r.values[k]!));
      },
    })),
  );
  return summary!;
}

function printSome(
  ctx: CommandContext,
  outs: readonly OutputInfo[],
  s: Summary,
  count: number,
  raw: boolean,
): void {
  outs.forEach((o, j) => {
    ctx.info(`output ${o.name} ${shapeText([count, ...o.shape])} ${o.type}${raw ? ' (raw bits)' : ''}:`);
    const rows = raw ? s.shown[j]!.raw : s.shown[j]!.values.map((r) => r.map(String));
    rows.forEach((row, e) => ctx.info(`  event ${e}: ${row.join(' ')}`));
    if (count > SHOWN) ctx.info(`  ... ${count - SHOWN} more events (write them all with --out preds.npy)`);
  });
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const raw = opts.raw === true;
  const out = opts.out === undefined ? undefined : ctx.resolvePath(String(opts.out));
  if (out) {
    if (!['.npy', '.npz'].includes(extname(out)))
      throw new SparsePixelsError(
        'SP_CLI_USAGE',
        `--out must name an .npy or .npz file, got '${String(opts.out)}'`,
      );
    const inputs = [args[0], opts.input, opts.data].filter((f) => f !== undefined).map((f) => ctx.resolvePath(String(f)));
    checkOutFile(out, opts.force === true, inputs);
  }
  const modelPath = ctx.resolvePath(String(args[0]));
  const { prepared, model, warnings } = await loadPreparedModel(modelPath);
  for (const w of warnings) ctx.warn(w);
  const given = eventsPath(opts);
  if (!given) throw new SparsePixelsError('SP_CLI_USAGE', 'give the input events with --input or --data (one of them)');
  const input = ctx.resolvePath(given);
  const ev = openEvents(input, prepared.input.tensor.shape, dataKeys(opts));
  const y = labels(ev);
  const sample = new ProfileSample(prepared);
  const t0 = performance.now();
  const bar = ctx.progress('predicting', ev.count);
  let s: Summary;
  try {
    s = predictAll(
      { prepared, ev, raw, keepAll: !out && ctx.json, sample, progress: (n) => bar.update(n) },
      out,
      y,
    );
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  for (const w of overflowWarnings(sample.report(), `'${given}'`)) ctx.warn(w);
  const outs = outputInfo(prepared);
  const acc = y ? s.correct / ev.count : undefined;
  ctx.info(`${ev.count} events through '${model.name}' (bit-exact interpreter = the firmware's outputs)`);
  if (out) ctx.info(`wrote ${raw ? 'raw bits (int64)' : 'values (float64)'} to ${String(opts.out)}`);
  else printSome(ctx, outs, s, ev.count, raw);
  if (acc !== undefined) ctx.info(`accuracy against the file's y: ${(100 * acc).toFixed(2)} %`);
  ctx.result({
    input,
    out: out ?? null,
    events: ev.count,
    timings: { predict: seconds },
    model: modelPath,
    accuracy: acc ?? null,
    outputs: outs.map((o, j) => ({
      name: o.name,
      shape: [ev.count, ...o.shape],
      type: o.type,
      ...(s.all ? { values: s.all[j] } : {}),
    })),
  });
  return EXIT_OK;
}

/** `sparsepixels predict <model> --input x.npy`: bit-exact predictions of the firmware. */
export const predictCommand: CliCommand = {
  name: 'predict',
  summary: "run the bit-exact interpreter on events from an .npy/.npz (the firmware's outputs)",
  description:
    'Predict with the bit-exact IR interpreter: the values the FPGA firmware computes. Input events are an .npy or an ' +
    '.npz array x of shape (count, H, W, C) (or (count, H, W) for one channel, or a single event (H, W, C)), checked ' +
    'against the model. Files of any size are read 1024 events at a time (memory stays bounded; compressed .npz ' +
    'members are unpacked whole, up to 1 GiB). --out writes float64 values (or int64 raw bits with --raw) as .npy, or ' +
    'one array per output as .npz, as it goes. Warns when inputs or layers overflow their types on the first 10,000 ' +
    "events (run 'npx sparsepixels profile' for the full table).",
  examples: [
    ['predict model.json --input test.npz --out preds.npy', 'firmware outputs of every event of test.npz'],
    ['predict trained/tfjs --input x.npy --raw --out raw.npy', 'raw fixed-point bits as int64'],
    ['predict model.json --input x.npy --json', 'predictions as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder, or HLS project folder'))
      .option('-i, --input <file>', 'input events (.npy, .npz with an array x, or .h5 with a dataset x)')
      .option('--data <file>', 'the same as --input (e.g. --data file.h5 --x-key x --y-key y)')
      .option('-o, --out <file>', 'write predictions to .npy (one output) or .npz (one array per output)')
      .option('--raw', 'raw fixed-point bits (int64) instead of values (float64)')
      .option('-f, --force', 'overwrite an existing --out file of the same format (never a folder or an input)');
    addDataKeyOptions(cmd);
  },
  run,
};
