import { SparsePixelsError } from '@sparsepixels/core';
import { loadHdf5, withH5FileSync } from '@sparsepixels/import';
import type { NpyArray } from './npy';

/** Which datasets of an HDF5 data file hold the events and the labels (`--x-key`, `--y-key`). */
export interface DataKeys {
  readonly x?: string;
  readonly y?: string;
}

export const isH5Path = (path: string) => /\.(h5|hdf5|he5)$/i.test(path);

/** Loads the HDF5 library when any of `paths` is an HDF5 file (readH5Data is synchronous after this). */
export async function prepareH5Inputs(paths: readonly unknown[]): Promise<void> {
  if (paths.some((p) => typeof p === 'string' && isH5Path(p))) await loadHdf5();
}

/**
 * Reads events (and labels, when `keys.y` names a dataset or a `y` exists) from an HDF5 file as
 * physicists keep them (h5py: `f['x']`, `f['y']`). Datasets are read whole, as float64.
 */
export function readH5Data(path: string, keys: DataKeys = {}): { x: NpyArray; xName: string; y?: NpyArray } {
  return withH5FileSync(path, (r) => {
    const xName = keys.x ?? 'x';
    const names = r.keys('/').filter((k) => r.isDataset(`/${k}`));
    const get = (name: string): NpyArray => {
      const p = name.startsWith('/') ? name : `/${name}`;
      if (!r.isDataset(p))
        throw new SparsePixelsError('SP_INPUT_FORMAT', `no dataset '${name}' in the file (datasets at the top: ${names.join(', ') || 'none'}); name it with --x-key / --y-key`, path);
      const a = r.read(p);
      return { dtype: 'float64', shape: [...a.shape], data: a.values };
    };
    const x = get(xName);
    const yName = keys.y ?? (names.includes('y') ? 'y' : undefined);
    return { x, xName, ...(yName ? { y: get(yName) } : {}) };
  });
}
