import { SparsePixelsError } from '@sparsepixels/core';
import { loadHdf5, withH5FileSync } from '@sparsepixels/import';
import type { ArraySlices } from './array-slices';
import type { NpyArray } from './npy';

/** Which datasets of an HDF5 data file hold the events and the labels (`--x-key`, `--y-key`). */
export interface DataKeys {
  readonly x?: string;
  readonly y?: string;
}

export const isH5Path = (path: string) => /\.(h5|hdf5|he5)$/i.test(path);

/** Loads the HDF5 library when any of `paths` is an HDF5 file (the readers below are synchronous after this). */
export async function prepareH5Inputs(paths: readonly unknown[]): Promise<void> {
  if (paths.some((p) => typeof p === 'string' && isH5Path(p))) await loadHdf5();
}

/** A dataset of an HDF5 file, read by row ranges: the file is opened per read and never held whole. */
export interface H5Dataset {
  readonly name: string;
  readonly shape: readonly number[];
  /** Rows [start, start + count) along the first axis, as float64, and the dataset's HDF5 dtype. */
  rows(start: number, count: number): { values: Float64Array; dtype: string };
}

const absolute = (name: string) => (name.startsWith('/') ? name : `/${name}`);

/**
 * The events (`keys.x`, else `x`) and labels (`keys.y`, else `y` when present) of an HDF5 file as
 * physicists keep them (h5py: `f['x']`, `f['y']`). Only shapes are read here; values are read a
 * slice of rows at a time through `rows`.
 */
export function openH5Datasets(path: string, keys: DataKeys = {}): { x: H5Dataset; y?: H5Dataset } {
  const xName = keys.x ?? 'x';
  const shapes = withH5FileSync(path, (r) => {
    const top = r.keys('/').filter((k) => r.isDataset(`/${k}`));
    const missing = (name: string) =>
      new SparsePixelsError('SP_INPUT_FORMAT', `no dataset '${name}' in the file (datasets at the top: ${top.join(', ') || 'none'}); name it with --x-key / --y-key`, path);
    if (!r.isDataset(absolute(xName))) throw missing(xName);
    const yName = keys.y ?? (top.includes('y') ? 'y' : undefined);
    if (yName !== undefined && !r.isDataset(absolute(yName))) throw missing(yName);
    return { x: r.shape(absolute(xName)), y: yName === undefined ? undefined : { name: yName, shape: r.shape(absolute(yName)) } };
  });
  const dataset = (name: string, shape: readonly number[]): H5Dataset => ({
    name,
    shape,
    rows: (start, count) => withH5FileSync(path, (r) => r.readRows(absolute(name), start, count)),
  });
  return { x: dataset(xName, shapes.x), ...(shapes.y ? { y: dataset(shapes.y.name, shapes.y.shape) } : {}) };
}

/** A dataset as ArraySlices (element ranges, as float64): the rows covering a range are read, then cut. */
export function h5Slices(d: H5Dataset, source: string): ArraySlices {
  const rowSize = d.shape.slice(1).reduce((a, b) => a * b, 1);
  const total = (d.shape[0] ?? 1) * rowSize;
  return {
    dtype: 'float64',
    shape: d.shape,
    source,
    read(start, n) {
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(n) || start < 0 || n < 0 || start + n > total)
        throw new SparsePixelsError('SP_INPUT_FORMAT', `values ${start}..${start + n - 1} are outside dataset '${d.name}' (${total} values)`, source);
      if (n === 0) return new Float64Array(0);
      const first = Math.floor(start / rowSize);
      const last = Math.ceil((start + n) / rowSize);
      const v = d.rows(first, last - first).values;
      const at = start - first * rowSize;
      return v.subarray(at, at + n);
    },
  };
}

/** A whole dataset (labels: one row per event), as float64. */
export function readWholeDataset(d: H5Dataset): NpyArray {
  const count = d.shape[0] ?? 0;
  return { dtype: 'float64', shape: [...d.shape], data: count === 0 ? new Float64Array(0) : d.rows(0, count).values };
}
