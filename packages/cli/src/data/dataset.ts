import { SparsePixelsError } from '@sparsepixels/core';
import { Rng } from './prng';

/** A generated dataset: images channels-last in one flat array and integer class labels. */
export interface Dataset {
  /** Registry name of the generator (`neutrino`, `jet`, `digits`). */
  readonly name: string;
  /** `count * height * width * channels` values, event-major, (h, w, c) order inside an event. */
  readonly x: Float32Array;
  /** Class index per event (0-based, index into `classes`). */
  readonly y: Int32Array;
  /** `[count, height, width, channels]`. */
  readonly shape: readonly [number, number, number, number];
  /** Class names, in label order. */
  readonly classes: readonly string[];
  readonly meta: DatasetMeta;
}

export interface DatasetMeta {
  readonly seed: number;
  readonly generatorVersion: number;
  /** The InputReduce threshold the paper uses on this kind of data (active = value > threshold). */
  readonly activeThreshold: number;
  readonly description: string;
}

export interface GenerateOptions {
  /** Number of events (>= 1). */
  readonly count: number;
  /** Any integer 0..2^53-1; the same seed always gives the same bytes. */
  readonly seed: number;
  /** Called now and then with the number of events done so far. */
  readonly onProgress?: (done: number) => void;
}

/** What one generator declares: image geometry, classes, and how to draw one event of a class. */
export interface EventGenerator {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly classes: readonly string[];
  readonly generatorVersion: number;
  readonly activeThreshold: number;
  readonly description: string;
  /** Stream id mixed into the seed so two datasets with the same seed are unrelated. */
  readonly streamId: number;
  /** Writes one event of class `label` into `out` (height*width values, pre-zeroed). */
  drawEvent(rng: Rng, label: number, out: Float32Array): void;
}

const PROGRESS_EVERY = 256;

/**
 * Runs an event generator. Event i depends only on (seed, i), and labels are balanced block by
 * block (each block of `classes.length` events is a random permutation of the classes), so a
 * smaller count is always a prefix of a larger one with the same seed.
 */
export function generateDataset(gen: EventGenerator, opts: GenerateOptions): Dataset {
  checkCountAndSeed(gen, opts);
  const { count, seed } = opts;
  const k = gen.classes.length;
  const pixels = gen.height * gen.width;
  const x = new Float32Array(count * pixels);
  const y = new Int32Array(count);
  for (let block = 0; block * k < count; block++) {
    const perm = Rng.from(seed, gen.streamId, 0, block).shuffle([...Array(k).keys()]);
    for (let j = 0; j < k && block * k + j < count; j++) y[block * k + j] = perm[j]!;
  }
  for (let i = 0; i < count; i++) {
    const rng = Rng.from(seed, gen.streamId, 1, i);
    gen.drawEvent(rng, y[i]!, x.subarray(i * pixels, (i + 1) * pixels));
    if (opts.onProgress && (i + 1) % PROGRESS_EVERY === 0) opts.onProgress(i + 1);
  }
  opts.onProgress?.(count);
  return {
    name: gen.name,
    x,
    y,
    shape: [count, gen.height, gen.width, 1],
    classes: gen.classes,
    meta: {
      seed,
      generatorVersion: gen.generatorVersion,
      activeThreshold: gen.activeThreshold,
      description: gen.description,
    },
  };
}

/** The x array must fit one ZIP32 member of an .npz (4 GiB including the .npy header). */
const MAX_X_BYTES = 2 ** 32 - 4096;

/** Largest event count whose images fit one .npz member. */
export function maxEventCount(gen: Pick<EventGenerator, 'height' | 'width'>): number {
  return Math.floor(MAX_X_BYTES / (gen.height * gen.width * 4));
}

function checkCountAndSeed(gen: EventGenerator, { count, seed }: GenerateOptions): void {
  const name = gen.name;
  const max = maxEventCount(gen);
  if (!Number.isSafeInteger(count) || count < 1 || count > max) {
    throw new SparsePixelsError(
      'SP_DATA_COUNT',
      `count ${count} is not allowed; use an integer 1..${max}`,
      name,
    );
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new SparsePixelsError(
      'SP_DATA_SEED',
      `seed ${seed} is not allowed; use an integer 0..2^53-1`,
      name,
    );
  }
}

/** One-hot float32 labels `[count, classes]` from class indices. */
export function oneHot(y: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(y.length * classes);
  for (let i = 0; i < y.length; i++) out[i * classes + y[i]!] = 1;
  return out;
}
