import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { createInterpreter, decideClass, outputMeaning, type InterpretResult, type PreparedModel } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { addDataKeyOptions, dataKeys, eventsPath } from '../cli/data-options';
import { checkOutFile } from '../cli/out-dir';
import type { NpyArray } from '../io/npy';
import { writeNpy } from '../io/npy';
import { writeNpz } from '../io/npz';
import { loadPreparedModel } from '../model/load-model';
import { readEvents, shapeText, type EventFile } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';

const SHOWN = 10;
const CHUNK = 1024;

function bigints(raw: ArrayLike<number | bigint>): bigint[] {
  const out = new Array<bigint>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = BigInt(raw[i]!);
  return out;
}

/** Runs the interpreter over all events in chunks; per output: values and raws, event-major. */
function interpret(prepared: PreparedModel, ev: EventFile, onChunk: (done: number) => void) {
  const it = createInterpreter(prepared);
  const size = it.inputSize;
  const chunks: InterpretResult[] = [];
  for (let start = 0; start < ev.count; start += CHUNK) {
    const n = Math.min(CHUNK, ev.count - start);
    chunks.push(it.run(ev.x.subarray(start * size, (start + n) * size), n));
    onChunk(start + n);
  }
  return chunks[0]!.outputs.map((o, k) => ({
    name: o.name,
    shape: o.shape,
    type: o.type,
    values: Float64Array.from(chunks.flatMap((c) => Array.from(c.values[k]!))),
    raw: BigInt64Array.from(chunks.flatMap((c) => bigints(c.raw[k]!))),
  }));
}

type Outputs = ReturnType<typeof interpret>;

function toArray(o: Outputs[number], count: number, raw: boolean): NpyArray {
  const shape = [count, ...o.shape];
  return raw ? { dtype: 'int64', shape, data: o.raw } : { dtype: 'float64', shape, data: o.values };
}

function writeOut(path: string, outputs: Outputs, count: number, raw: boolean): void {
  if (extname(path) === '.npz') {
    writeNpz(path, Object.fromEntries(outputs.map((o) => [o.name, toArray(o, count, raw)])));
    return;
  }
  if (outputs.length > 1) {
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `the model has ${outputs.length} outputs (${outputs.map((o) => o.name).join(', ')}); use an .npz for --out`,
      path,
    );
  }
  writeNpy(path, toArray(outputs[0]!, count, raw));
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


function printSome(ctx: CommandContext, outputs: Outputs, count: number, raw: boolean): void {
  for (const o of outputs) {
    const units = o.values.length / count;
    ctx.info(`output ${o.name} ${shapeText([count, ...o.shape])} ${o.type}${raw ? ' (raw bits)' : ''}:`);
    for (let e = 0; e < Math.min(SHOWN, count); e++) {
      const row = raw
        ? Array.from(o.raw.subarray(e * units, (e + 1) * units), String)
        : Array.from(o.values.subarray(e * units, (e + 1) * units), (v) => String(v));
      ctx.info(`  event ${e}: ${row.join(' ')}`);
    }
    if (count > SHOWN) ctx.info(`  ... ${count - SHOWN} more events (write them all with --out preds.npy)`);
  }
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
  const { prepared, model, warnings } = await loadPreparedModel(ctx.resolvePath(String(args[0])));
  for (const w of warnings) ctx.warn(w);
  const input = eventsPath(opts);
  if (!input) throw new SparsePixelsError('SP_CLI_USAGE', 'give the input events with --input or --data (one of them)');
  const ev = readEvents(ctx.resolvePath(input), model.input.shape, dataKeys(opts));
  const bar = ctx.progress('predicting', ev.count);
  let outputs: Outputs;
  try {
    outputs = interpret(prepared, ev, (n) => bar.update(n));
  } finally {
    bar.stop();
  }
  if (out) writeOut(out, outputs, ev.count, raw);
  const y = labels(ev);
  const first = outputs[0]!;
  const units = first.values.length / ev.count;
  const meaning = outputMeaning(prepared.model); // the decision rule of docs/semantics.md (ties: class 0 / the lower class)
  const acc = y
    ? y.filter((label, e) => decideClass(first.values, e, units, meaning) === label).length / ev.count
    : undefined;
  ctx.info(`${ev.count} events through '${model.name}' (bit-exact interpreter = the firmware's outputs)`);
  if (out) ctx.info(`wrote ${raw ? 'raw bits (int64)' : 'values (float64)'} to ${String(opts.out)}`);
  else if (!ctx.json) printSome(ctx, outputs, ev.count, raw);
  if (acc !== undefined) ctx.info(`accuracy against the file's y: ${(100 * acc).toFixed(2)} %`);
  ctx.result({
    command: 'predict',
    events: ev.count,
    ...(out ? { out } : {}),
    ...(acc === undefined ? {} : { accuracy: acc }),
    outputs: outputs.map((o) => ({
      name: o.name,
      shape: [ev.count, ...o.shape],
      type: o.type,
      ...(out ? {} : { values: raw ? Array.from(o.raw, String) : Array.from(o.values) }),
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
    '.npz array x of shape (count, H, W, C) (or (count, H, W) for one channel), checked against the model. --out ' +
    'writes float64 values (or int64 raw bits with --raw) as .npy, or one array per output as .npz.',
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
