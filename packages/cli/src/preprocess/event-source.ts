import { SparsePixelsError } from '@sparsepixels/core';
import { isH5Path, openH5Datasets, type DataKeys } from '../io/h5-data';
import type { NpyArray } from '../io/npy';
import { readNpy } from '../io/npy';
import { readNpz } from '../io/npz';

/** Events of a data file: images (count, H, W[, C]) and optional labels, read in row ranges. */
export interface EventSource {
  /** [H, W, C] of one event (C = 1 for a (count, H, W) array). */
  readonly event: readonly [number, number, number];
  readonly total: number;
  readonly xName: string;
  readonly yName?: string;
  /** Events [start, start + count), flattened (h, w, c), and their labels. */
  read(start: number, count: number): { x: Float64Array; y?: NpyArray };
}

function eventShape(shape: readonly number[], name: string, path: string): [number, number, number] {
  if (shape.length === 3) return [shape[1]!, shape[2]!, 1];
  if (shape.length === 4) return [shape[1]!, shape[2]!, shape[3]!];
  throw new SparsePixelsError('SP_INPUT_SHAPE', `array '${name}' has shape (${shape.join(', ')}); expected images (count, H, W) or (count, H, W, C)`, path);
}

function checkLabels(y: readonly number[], total: number, name: string, path: string): void {
  if (y[0] !== total)
    throw new SparsePixelsError('SP_INPUT_SHAPE', `labels '${name}' have ${y[0] ?? 0} rows but there are ${total} events`, path);
}

/** Rows [start, start + count) of an array, as a view of its data. */
function rows(a: NpyArray, start: number, count: number): NpyArray {
  const size = a.shape.slice(1).reduce((p, d) => p * d, 1);
  return { dtype: a.dtype, shape: [count, ...a.shape.slice(1)], data: a.data.subarray(start * size, (start + count) * size) as NpyArray['data'] };
}

/** The images (--x-key, else `x`, else the only array) and labels (--y-key, else `y`) of an .npy / .npz. */
function readArrays(path: string, keys: DataKeys): { name: string; arr: NpyArray; y?: NpyArray } {
  if (!path.toLowerCase().endsWith('.npz')) {
    if (!path.toLowerCase().endsWith('.npy')) throw new SparsePixelsError('SP_INPUT_FORMAT', 'unsupported input file type; use .npy, .npz or .h5', path);
    return { name: 'x', arr: readNpy(path) };
  }
  const arrays = readNpz(path);
  const names = Object.keys(arrays);
  const name = keys.x ?? (arrays['x'] ? 'x' : names.length === 1 ? names[0]! : undefined);
  if (name === undefined || !arrays[name])
    throw new SparsePixelsError('SP_INPUT_FORMAT', `no array '${keys.x ?? 'x'}' in the .npz (arrays: ${names.join(', ') || 'none'}); name it with --x-key`, path);
  const yName = keys.y ?? 'y';
  if (keys.y && !arrays[keys.y]) throw new SparsePixelsError('SP_INPUT_FORMAT', `no array '${keys.y}' in the .npz (arrays: ${names.join(', ')})`, path);
  return { name, arr: arrays[name]!, ...(yName !== name && arrays[yName] ? { y: arrays[yName] } : {}) };
}

/** An .npy / .npz file, read whole (the arrays of an .npz may be compressed). */
function wholeFile(path: string, keys: DataKeys): EventSource {
  const { name, arr, y } = readArrays(path, keys);
  const event = eventShape(arr.shape, name, path);
  const total = arr.shape[0]!;
  if (y) checkLabels(y.shape, total, keys.y ?? 'y', path);
  return {
    event,
    total,
    xName: name,
    ...(y ? { yName: keys.y ?? 'y' } : {}),
    read(start, count) {
      const x = rows(arr, start, count).data;
      return { x: x instanceof BigInt64Array ? Float64Array.from(x, Number) : Float64Array.from(x), ...(y ? { y: rows(y, start, count) } : {}) };
    },
  };
}

const INTEGER_DTYPE = /[bBhHiIlLqQ]/;

/** An HDF5 file: the datasets are read a slice of rows at a time (large files never sit in memory whole). */
function h5File(path: string, keys: DataKeys): EventSource {
  const { x, y } = openH5Datasets(path, keys);
  const event = eventShape(x.shape, x.name, path);
  const total = x.shape[0]!;
  if (y) checkLabels(y.shape, total, y.name, path);
  return {
    event,
    total,
    xName: x.name,
    ...(y ? { yName: y.name } : {}),
    read(start, count) {
      const xs = x.rows(start, count).values;
      if (!y) return { x: xs };
      const ys = y.rows(start, count);
      // integer labels stay integers (int32); others are float64
      const data = INTEGER_DTYPE.test(ys.dtype) ? Int32Array.from(ys.values) : ys.values;
      return { x: xs, y: { dtype: data instanceof Int32Array ? 'int32' : 'float64', shape: [count, ...y.shape.slice(1)], data } };
    },
  };
}

/** Opens the events of `path` (.npy, .npz, or .h5 with `keys`). */
export function openEvents(path: string, keys: DataKeys): EventSource {
  return isH5Path(path) ? h5File(path, keys) : wholeFile(path, keys);
}
