import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import type { InputEvents } from '@sparsepixels/ir';
import { openNpySlices, openNpzSlices, type ArraySlices } from '../io/array-slices';
import type { NpyArray } from '../io/npy';
import type { NpyData } from '../io/npy-dtype';
import { h5Slices, isH5Path, openH5Datasets, readWholeDataset, type DataKeys } from '../io/h5-data';

/** Events in an .npy / .npz file, read in slices: `count` events of the model's input size. */
export interface EventFile {
  readonly events: InputEvents;
  readonly count: number;
  /** The array's shape as stored. */
  readonly shape: readonly number[];
  /** The array read ('x' in an .npz, or its only array). */
  readonly name: string;
  readonly path: string;
  /** The .npz's `y` (labels or one-hot), when present; read whole (one row per event). */
  readonly y?: NpyArray;
}

export const shapeText = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/** Labels are read whole: at most this many bytes as float64 (256 MiB, 33 million labels). */
const MAX_LABEL_BYTES = 2 ** 28;

function readWhole(a: ArraySlices): NpyArray {
  const n = a.shape.reduce((x, y) => x * y, 1);
  return { dtype: a.dtype, shape: a.shape, data: a.read(0, n) };
}

function openArray(path: string, keys: DataKeys): { name: string; arr: ArraySlices; y?: NpyArray } {
  if (isH5Path(path)) {
    // events are read a slice of rows at a time; labels whole, when they are small enough
    const d = openH5Datasets(path, keys);
    const arr = h5Slices(d.x, path);
    const labelBytes = d.y ? d.y.shape.reduce((a, b) => a * b, 1) * 8 : 0;
    return { name: d.x.name, arr, ...(d.y && labelBytes <= MAX_LABEL_BYTES ? { y: readWholeDataset(d.y) } : {}) };
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.npy') return { name: 'x', arr: openNpySlices(path) };
  if (ext === '.npz') {
    const npz = openNpzSlices(path);
    const names = npz.names;
    const missing = [keys.x, keys.y].find((k) => k !== undefined && !names.includes(k));
    if (missing !== undefined)
      throw new SparsePixelsError('SP_INPUT_FORMAT', `no array '${missing}' in the .npz (arrays: ${names.join(', ')})`, path);
    const name = keys.x ?? (names.includes('x') ? 'x' : names.length === 1 ? names[0]! : undefined);
    if (name === undefined)
      throw new SparsePixelsError(
        'SP_INPUT_FORMAT',
        `the .npz holds ${names.length === 0 ? 'no arrays' : `arrays ${names.join(', ')}`}; expected an array named 'x' (or a single array)`,
        path,
      );
    const arr = npz.open(name);
    // labels: --y-key, or 'y' beside 'x' (or beside the --x-key array)
    const yName = keys.y ?? (names.includes('y') && (name === 'x' || keys.x !== undefined) ? 'y' : undefined);
    if (yName === undefined) return { name, arr };
    const y = npz.open(yName);
    const bytes = y.shape.reduce((a, b) => a * b, 1) * 8;
    return bytes > MAX_LABEL_BYTES ? { name, arr } : { name, arr, y: readWhole(y) };
  }
  throw new SparsePixelsError(
    'SP_INPUT_FORMAT',
    `unsupported input file type '${ext || '(none)'}'; use .npy, .npz or .h5`,
    path,
  );
}

/** (count, ...event), (count, H, W) for an (H, W, 1) event, or a single event without the count axis. */
function eventCount(shape: readonly number[], event: readonly number[]): number | undefined {
  const same = (a: readonly number[], b: readonly number[]) => a.join(',') === b.join(',');
  const squeezed = event.length === 3 && event[2] === 1 ? event.slice(0, 2) : undefined;
  if (same(shape, event) || (squeezed && same(shape, squeezed))) return 1;
  if (shape.length >= 1 && same(shape.slice(1), event)) return shape[0];
  if (squeezed && shape.length === 3 && same(shape.slice(1), squeezed)) return shape[0];
  return undefined;
}

/** `event 3 pixel (10, 20, 0)` for value k of an event of shape [H, W, C]. */
function pixelOf(k: number, event: readonly number[]): string {
  if (event.length !== 3) return `value ${k}`;
  const [, w = 1, c = 1] = event;
  return `pixel (${Math.floor(k / (w * c))}, ${Math.floor(k / c) % w}, ${k % c})`;
}

/** Numbers the interpreter reads; int64 become float64, a non-finite value is refused by place. */
function numbers(
  data: NpyData,
  start: number,
  size: number,
  event: readonly number[],
  source: string,
): ArrayLike<number> {
  const x: Float32Array | Float64Array =
    data instanceof Float32Array || data instanceof Float64Array
      ? data
      : data instanceof BigInt64Array
        ? Float64Array.from(data, Number)
        : Float64Array.from(data);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v - v !== 0) {
      const e = start + Math.floor(i / size);
      throw new SparsePixelsError(
        'SP_INPUT_VALUE',
        `event ${e} ${pixelOf(i % size, event)} is ${String(v)}; input values must be finite numbers`,
        source,
      );
    }
  }
  return x;
}

/**
 * Opens the input events (.npy, .npz, or an HDF5 file's `keys.x` / `keys.y` datasets; see
 * io/h5-data.ts) of a model whose events have shape `eventShape` ([H, W, C] or [n]); the
 * array must be (count, ...eventShape), (count, H, W) when C = 1, or one event without the count
 * axis. Events are read in slices when used (a file of any size; memory bounded by the slice);
 * a NaN or infinite value is reported with its file, event and pixel.
 */
export function openEvents(path: string, eventShape: readonly number[], keys: DataKeys = {}): EventFile {
  const { name, arr, y } = openArray(path, keys);
  const count = eventCount(arr.shape, eventShape);
  const expected = `(count, ${eventShape.join(', ')})`;
  if (count === undefined) {
    throw new SparsePixelsError(
      'SP_INPUT_SHAPE',
      `array '${name}' has shape ${shapeText(arr.shape)} but the model takes events of shape ${shapeText(eventShape)}; expected ${expected} or one event ${shapeText(eventShape)}`,
      path,
    );
  }
  if (count === 0) throw new SparsePixelsError('SP_INPUT_SHAPE', `array '${name}' holds no events`, path);
  const size = eventShape.reduce((a, b) => a * b, 1);
  const events: InputEvents = {
    count,
    eventSize: size,
    read: (start, n) => numbers(arr.read(start * size, n * size), start, size, eventShape, arr.source),
  };
  return { events, count, shape: arr.shape, name, path, ...(y ? { y } : {}) };
}

/** The first `max` events of a file (or all when it holds fewer), read into memory. */
export function readFirstEvents(
  path: string,
  eventShape: readonly number[],
  keys: DataKeys,
  max: number,
): { x: Float64Array; count: number } {
  const ev = openEvents(path, eventShape, keys);
  const count = Math.min(ev.count, max);
  return { x: Float64Array.from(ev.events.read(0, count)), count };
}
