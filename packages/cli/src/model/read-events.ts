import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import type { NpyArray } from '../io/npy';
import { readNpy } from '../io/npy';
import { readNpz } from '../io/npz';
import { isH5Path, readH5Data, type DataKeys } from '../io/h5-data';

/** Events read from an .npy / .npz file: `count` events of the model's input size, flattened. */
export interface EventFile {
  readonly x: Float64Array;
  readonly count: number;
  /** The array's shape as stored. */
  readonly shape: readonly number[];
  /** The array read ('x' in an .npz, or its only array). */
  readonly name: string;
  /** The .npz's `y` (labels or one-hot), when present. */
  readonly y?: NpyArray;
}

export const shapeText = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/** The array to read from an .npz: `x`, or the only array it holds. */
function pickArray(arrays: Record<string, NpyArray>, path: string): [string, NpyArray] {
  const names = Object.keys(arrays);
  if (arrays.x) return ['x', arrays.x];
  if (names.length === 1) return [names[0]!, arrays[names[0]!]!];
  throw new SparsePixelsError(
    'SP_INPUT_FORMAT',
    `the .npz holds ${names.length === 0 ? 'no arrays' : `arrays ${names.join(', ')}`}; expected an array named 'x' (or a single array)`,
    path,
  );
}

function readArray(path: string, keys: DataKeys): { name: string; arr: NpyArray; y?: NpyArray } {
  if (isH5Path(path)) {
    const d = readH5Data(path, keys);
    return { name: d.xName, arr: d.x, ...(d.y ? { y: d.y } : {}) };
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.npy') return { name: 'x', arr: readNpy(path) };
  if (ext === '.npz') {
    const arrays = readNpz(path);
    if (keys.x && !arrays[keys.x])
      throw new SparsePixelsError('SP_INPUT_FORMAT', `no array '${keys.x}' in the .npz (arrays: ${Object.keys(arrays).join(', ')})`, path);
    const [name, arr] = keys.x ? [keys.x, arrays[keys.x]!] : pickArray(arrays, path);
    const yName = keys.y ?? 'y';
    if (keys.y && !arrays[keys.y])
      throw new SparsePixelsError('SP_INPUT_FORMAT', `no array '${keys.y}' in the .npz (arrays: ${Object.keys(arrays).join(', ')})`, path);
    if (keys.x || keys.y) return { name, arr, ...(arrays[yName] ? { y: arrays[yName] } : {}) };
    return { name, arr, ...(name === 'x' && arrays.y ? { y: arrays.y } : {}) };
  }
  throw new SparsePixelsError(
    'SP_INPUT_FORMAT',
    `unsupported input file type '${ext || '(none)'}'; use .npy, .npz or .h5`,
    path,
  );
}

/** Whether `shape` is (count, ...event), or (count, H, W) for an (H, W, 1) event. */
function eventCount(shape: readonly number[], event: readonly number[]): number | undefined {
  const tail = shape.slice(1).join(',');
  if (shape.length >= 1 && tail === event.join(',')) return shape[0];
  if (event.length === 3 && event[2] === 1 && shape.length === 3 && tail === event.slice(0, 2).join(','))
    return shape[0];
  return undefined;
}

/**
 * Reads input events (.npy, .npz, or an HDF5 file's `keys.x` / `keys.y` datasets; see io/h5-data.ts)
 * for a model whose events have shape `eventShape` ([H, W, C]); the array must
 * be (count, H, W, C), or (count, H, W) when C = 1. A mismatch names both shapes in one line.
 */
export function readEvents(path: string, eventShape: readonly number[], keys: DataKeys = {}): EventFile {
  const { name, arr, y } = readArray(path, keys);
  const count = eventCount(arr.shape, eventShape);
  if (count === undefined) {
    throw new SparsePixelsError(
      'SP_INPUT_SHAPE',
      `array '${name}' has shape ${shapeText(arr.shape)} but the model takes events of shape ${shapeText(eventShape)}; expected (count, ${eventShape.join(', ')})`,
      path,
    );
  }
  if (count === 0) throw new SparsePixelsError('SP_INPUT_SHAPE', `array '${name}' holds no events`, path);
  const data = arr.data;
  const x =
    data instanceof BigInt64Array
      ? Float64Array.from(data, Number)
      : Float64Array.from(data as ArrayLike<number>);
  return { x, count, shape: arr.shape, name, ...(y ? { y } : {}) };
}
