import { SparsePixelsError } from '@sparsepixels/core';
import type { CommandContext } from '../commands/command';
import { generateDataset, type EventGenerator } from '../data/dataset';
import { Rng } from '../data/prng';
import type { NpyArray } from '../io/npy';
import type { DataKeys } from '../io/h5-data';
import { openEvents, shapeText } from '../model/read-events';
import type { Split } from './train-cnn';

export interface TrainingData {
  readonly train: Split;
  /** Events that pick the best epoch (absent when the caller asked for none). */
  readonly validation?: Split;
  readonly test: Split;
  readonly source: string;
}

/**
 * Training holds its events in memory (float32): at most this many bytes of pixels, so a run
 * stays within a few GiB with TensorFlow.js' working memory (neutrino 63x63: 67,650 events).
 */
export const TRAIN_MAX_BYTES = 2 ** 30;

/** Most events of a dataset that training holds in memory. */
export function maxTrainingEvents(gen: Pick<EventGenerator, 'height' | 'width'>): number {
  return Math.floor(TRAIN_MAX_BYTES / (gen.height * gen.width * 4));
}

/** Class indices from int labels (count,) or one-hot / scores (count, classes). */
function labelsOf(y: NpyArray | undefined, count: number, classes: number, path: string): Int32Array {
  if (!y) throw new SparsePixelsError('SP_INPUT_FORMAT', "the .npz has no array 'y' with the labels", path);
  if (y.shape[0] !== count || y.shape.length > 2 || y.data instanceof BigInt64Array) {
    throw new SparsePixelsError(
      'SP_INPUT_SHAPE',
      `y has shape ${shapeText(y.shape)} (${y.dtype}); expected (${count},) labels or (${count}, ${classes}) one-hot`,
      path,
    );
  }
  const d = y.data as ArrayLike<number>;
  const k = y.shape.length === 2 ? y.shape[1]! : 1;
  const out = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    let label = d[e * k]!;
    if (k > 1) {
      label = 0;
      for (let j = 1; j < k; j++) if (d[e * k + j]! > d[e * k + label]!) label = j;
    }
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new SparsePixelsError(
        'SP_INPUT_FORMAT',
        `label ${label} of event ${e} is not a class index 0..${classes - 1}`,
        path,
      );
    }
    out[e] = label;
  }
  return out;
}

/** x (float32, in memory) and labels of an .npz with x and y, for a dataset's image size. */
function readLabelled(path: string, gen: EventGenerator, keys: DataKeys = {}): { x: Float32Array; y: Int32Array } {
  const ev = openEvents(path, [gen.height, gen.width, 1], keys);
  const max = maxTrainingEvents(gen);
  if (ev.count > max)
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `the file holds ${ev.count} events; training holds at most ${max} ${gen.height}x${gen.width} events in memory`,
      path,
    );
  const y = labelsOf(ev.y, ev.count, gen.classes.length, path);
  const size = gen.height * gen.width;
  const x = new Float32Array(ev.count * size);
  for (let start = 0; start < ev.count; start += 1024) {
    const n = Math.min(1024, ev.count - start);
    x.set(ev.events.read(start, n), start * size);
  }
  return { x, y };
}

/**
 * Reorders events in place so that event order[k] ends up at position k (following the
 * permutation's cycles with one event of scratch), so splitting a large set needs no second copy.
 */
export function permuteEvents(x: Float32Array, y: Int32Array, size: number, order: readonly number[]): void {
  const done = new Uint8Array(order.length);
  const tmp = new Float32Array(size);
  for (let start = 0; start < order.length; start++) {
    if (done[start] || order[start] === start) continue;
    // position k takes the event now at order[k]; walk the cycle from `start`
    tmp.set(x.subarray(start * size, (start + 1) * size));
    const tmpY = y[start]!;
    let k = start;
    for (;;) {
      done[k] = 1;
      const from = order[k]!;
      if (from === start) {
        x.set(tmp, k * size);
        y[k] = tmpY;
        break;
      }
      x.copyWithin(k * size, from * size, (from + 1) * size);
      y[k] = y[from]!;
      k = from;
    }
  }
}

/**
 * A seeded stratified split: each class's events are shuffled and dealt out in the same
 * proportions (test, validation, rest for training), then each part is shuffled, so a
 * class-sorted file still gives every part every class. Same seed, same split.
 */
export function stratifiedSplit(
  y: Int32Array,
  classes: number,
  fractions: { readonly test: number; readonly validation: number },
  seed: number,
): { train: number[]; validation: number[]; test: number[] } {
  const rng = Rng.from(seed, 0x5711);
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  for (let c = 0; c < classes; c++) {
    const members: number[] = [];
    for (let e = 0; e < y.length; e++) if (y[e] === c) members.push(e);
    const shuffled = rng.shuffle(members);
    const nTest = Math.round(shuffled.length * fractions.test);
    const nVal = Math.round(shuffled.length * fractions.validation);
    shuffled.forEach((e, i) =>
      (i < nTest ? parts.test : i < nTest + nVal ? parts.validation : parts.train).push(e),
    );
  }
  return {
    train: rng.shuffle(parts.train),
    validation: rng.shuffle(parts.validation),
    test: rng.shuffle(parts.test),
  };
}

export interface DataOptions {
  readonly gen: EventGenerator;
  /** An .npz with x and y instead of generated events. */
  readonly file?: string;
  /** .npz files that replace the validation / test part of the split. */
  readonly validationFile?: string;
  readonly testFile?: string;
  /** Datasets of an .h5 (or arrays of an .npz) holding x and y. */
  readonly keys?: DataKeys;
  readonly events: number;
  readonly seed: number;
  /** Parts of the events held out (when no file gives that part). */
  readonly testFraction: number;
  readonly validationFraction: number;
}

/**
 * Generated events (a progress bar on a terminal) or the x / y arrays of an .npz, split by a
 * seeded stratified shuffle into training, validation and test parts; --validation-data and
 * --test-data files replace their part.
 */
export function trainingData(o: DataOptions, ctx: CommandContext): TrainingData {
  const { gen } = o;
  const size = gen.height * gen.width;
  let all: { x: Float32Array; y: Int32Array };
  let source: string;
  if (o.file) {
    all = readLabelled(ctx.resolvePath(o.file), gen, o.keys);
    source = o.file;
  } else {
    const max = maxTrainingEvents(gen);
    if (o.events > max)
      throw new SparsePixelsError(
        'SP_CLI_USAGE',
        `--events ${o.events} is too many; training holds at most ${max} ${gen.height}x${gen.width} events in memory`,
      );
    const bar = ctx.progress(`generating ${gen.name} events`, o.events);
    try {
      const d = generateDataset(gen, { count: o.events, seed: o.seed, onProgress: (n) => bar.update(n) });
      all = { x: d.x, y: d.y };
    } finally {
      bar.stop();
    }
    source = `${o.events} generated ${gen.name} events (seed ${o.seed})`;
  }
  const fractions = {
    test: o.testFile ? 0 : o.testFraction,
    validation: o.validationFile ? 0 : o.validationFraction,
  };
  const parts = stratifiedSplit(all.y, gen.classes.length, fractions, o.seed);
  // train | validation | test, in place: the parts are views of the one array
  permuteEvents(all.x, all.y, size, [...parts.train, ...parts.validation, ...parts.test]);
  const view = (from: number, n: number): Split => ({
    x: all.x.subarray(from * size, (from + n) * size),
    y: all.y.subarray(from, from + n),
  });
  const nTrain = parts.train.length;
  const nVal = parts.validation.length;
  const test = o.testFile
    ? readLabelled(ctx.resolvePath(o.testFile), gen, o.keys)
    : view(nTrain + nVal, parts.test.length);
  const validation = o.validationFile
    ? readLabelled(ctx.resolvePath(o.validationFile), gen, o.keys)
    : nVal > 0
      ? view(nTrain, nVal)
      : undefined;
  const train = view(0, nTrain);
  if (train.y.length < 1 || test.y.length < 1)
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `${all.y.length} events are too few to split into training and test events (${train.y.length} / ${test.y.length})`,
    );
  return { train, test, source, ...(validation && validation.y.length > 0 ? { validation } : {}) };
}

/** The classes present in a split, for the one-class warning. */
export function classesIn(y: Int32Array): number[] {
  return [...new Set(y)].sort((a, b) => a - b);
}
