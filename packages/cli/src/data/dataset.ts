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
 * Class labels of a dataset: each block of `classes.length` events is a random permutation of the
 * classes (balanced, and a smaller count is a prefix of a larger one).
 */
export function datasetLabels(gen: EventGenerator, count: number, seed: number): Int32Array {
  const k = gen.classes.length;
  const y = new Int32Array(count);
  for (let block = 0; block * k < count; block++) {
    const perm = Rng.from(seed, gen.streamId, 0, block).shuffle([...Array(k).keys()]);
    for (let j = 0; j < k && block * k + j < count; j++) y[block * k + j] = perm[j]!;
  }
  return y;
}

/** Draws events [start, start + n) (labels from datasetLabels) into `out` (n*H*W values, zeroed here). */
export function drawEvents(
  gen: EventGenerator,
  seed: number,
  y: Int32Array,
  start: number,
  n: number,
  out: Float32Array,
): void {
  const pixels = gen.height * gen.width;
  out.fill(0, 0, n * pixels);
  for (let i = 0; i < n; i++) {
    const rng = Rng.from(seed, gen.streamId, 1, start + i);
    gen.drawEvent(rng, y[start + i]!, out.subarray(i * pixels, (i + 1) * pixels));
  }
}

/**
 * Generates a dataset a chunk at a time (memory bounded by the chunk): `onChunk(x, start, n)`
 * receives events [start, start + n) in order; the same bytes as generateDataset.
 */
export function generateChunks(
  gen: EventGenerator,
  opts: GenerateOptions & { readonly maxCount?: number; readonly chunk?: number },
  onChunk: (x: Float32Array, start: number, n: number) => void,
): Int32Array {
  checkCountAndSeed(gen, opts, opts.maxCount ?? maxEventCount(gen));
  const { count, seed } = opts;
  const y = datasetLabels(gen, count, seed);
  const chunk = Math.max(1, opts.chunk ?? PROGRESS_EVERY);
  const buf = new Float32Array(Math.min(chunk, count) * gen.height * gen.width);
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    drawEvents(gen, seed, y, start, n, buf);
    onChunk(buf.subarray(0, n * gen.height * gen.width), start, n);
    opts.onProgress?.(start + n);
  }
  return y;
}

/**
 * Runs an event generator. Event i depends only on (seed, i), and labels are balanced block by
 * block (each block of `classes.length` events is a random permutation of the classes), so a
 * smaller count is always a prefix of a larger one with the same seed. The whole dataset is held
 * in memory (at most maxEventCount events); `generateChunks` streams any count.
 */
export function generateDataset(gen: EventGenerator, opts: GenerateOptions): Dataset {
  const pixels = gen.height * gen.width;
  const x = new Float32Array(opts.count * pixels);
  const y = generateChunks(gen, opts, (chunk, start) => x.set(chunk, start * pixels));
  return {
    name: gen.name,
    x,
    y,
    shape: [opts.count, gen.height, gen.width, 1],
    classes: gen.classes,
    meta: {
      seed: opts.seed,
      generatorVersion: gen.generatorVersion,
      activeThreshold: gen.activeThreshold,
      description: gen.description,
    },
  };
}

/** An in-memory dataset's images must fit one typed array of at most 4 GiB (minus a header page). */
const MAX_X_BYTES = 2 ** 32 - 4096;

/** Largest event count generateDataset holds in memory (generateChunks streams more). */
export function maxEventCount(gen: Pick<EventGenerator, 'height' | 'width'>): number {
  return Math.floor(MAX_X_BYTES / (gen.height * gen.width * 4));
}

function checkCountAndSeed(gen: EventGenerator, { count, seed }: GenerateOptions, max: number): void {
  const name = gen.name;
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
