import { SparsePixelsError } from '@sparsepixels/core';
import type { CommandContext } from '../commands/command';
import { generateDataset, type EventGenerator } from '../data/dataset';
import type { NpyArray } from '../io/npy';
import type { DataKeys } from '../io/h5-data';
import { readEvents, shapeText } from '../model/read-events';
import type { Split } from './train-cnn';

export interface TrainingData {
  readonly train: Split;
  readonly test: Split;
  readonly source: string;
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

/** Splits events into the first (1 - testFraction) for training and the rest for testing. */
function split(
  x: Float32Array,
  y: Int32Array,
  size: number,
  testFraction: number,
): { train: Split; test: Split } {
  const count = y.length;
  const nTest = Math.max(1, Math.round(count * testFraction));
  const nTrain = count - nTest;
  if (nTrain < 1)
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `${count} events are too few to hold out ${nTest} for testing`,
    );
  return {
    train: { x: x.subarray(0, nTrain * size), y: y.subarray(0, nTrain) },
    test: { x: x.subarray(nTrain * size), y: y.subarray(nTrain) },
  };
}

export interface DataOptions {
  readonly gen: EventGenerator;
  /** An .npz with x and y instead of generated events. */
  readonly file?: string;
  /** Datasets of an .h5 (or arrays of an .npz) holding x and y. */
  readonly keys?: DataKeys;
  readonly events: number;
  readonly seed: number;
  readonly testFraction: number;
}

/** Generated events (a progress bar on a terminal) or the x / y arrays of an .npz, split train / test. */
export function trainingData(o: DataOptions, ctx: CommandContext): TrainingData {
  const { gen } = o;
  const size = gen.height * gen.width;
  if (o.file) {
    const path = ctx.resolvePath(o.file);
    const ev = readEvents(path, [gen.height, gen.width, 1], o.keys);
    const y = labelsOf(ev.y, ev.count, gen.classes.length, path);
    return { ...split(Float32Array.from(ev.x), y, size, o.testFraction), source: o.file };
  }
  const bar = ctx.progress(`generating ${gen.name} events`, o.events);
  try {
    const d = generateDataset(gen, { count: o.events, seed: o.seed, onProgress: (n) => bar.update(n) });
    return {
      ...split(d.x, d.y, size, o.testFraction),
      source: `${o.events} generated ${gen.name} events (seed ${o.seed})`,
    };
  } finally {
    bar.stop();
  }
}
