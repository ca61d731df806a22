import { SparsePixelsError } from '@sparsepixels/core';
import type { Dtype, KernelInput } from './types';

/**
 * The kernel's non-zero taps grouped by kernel row: row a's taps are [rowStart[a], rowStart[a+1]),
 * with their column b (ascending) and value. Zero taps are skipped (they add nothing); values are
 * already rounded to the arithmetic type.
 */
export interface KernelTaps {
  height: number;
  width: number;
  rowStart: Int32Array;
  col: Int32Array;
  val: Float64Array;
  /** Non-zero taps in all. */
  count: number;
}

export interface Kernel2d {
  height: number;
  width: number;
  data: Float64Array;
}

/** Reads a kernel given as rows of numbers or as { height, width, data } (row-major). */
export function readKernel(kernel: KernelInput): Kernel2d {
  if (Array.isArray(kernel)) {
    const rows = kernel as readonly (readonly number[])[];
    const height = rows.length;
    const width = height > 0 ? rows[0]!.length : 0;
    const data = new Float64Array(height * width);
    rows.forEach((row, a) => {
      if (!Array.isArray(row) || row.length !== width)
        throw new SparsePixelsError(
          'SC_KERNEL',
          `kernel row ${a} has ${Array.isArray(row) ? row.length : 'no'} entries, row 0 has ${width}`,
        );
      for (let b = 0; b < width; b++) data[a * width + b] = row[b]!;
    });
    return checkKernel({ height, width, data });
  }
  const k = kernel as { height: number; width: number; data: ArrayLike<number> };
  if (!k || typeof k !== 'object' || !('data' in k))
    throw new SparsePixelsError('SC_KERNEL', 'kernel must be rows of numbers or { height, width, data }');
  if (!Number.isInteger(k.height) || !Number.isInteger(k.width) || k.data.length !== k.height * k.width)
    throw new SparsePixelsError(
      'SC_KERNEL',
      `kernel of ${k.height}x${k.width} needs ${k.height * k.width} values, got ${k.data.length}`,
    );
  return checkKernel({ height: k.height, width: k.width, data: Float64Array.from(k.data) });
}

function checkKernel(k: Kernel2d): Kernel2d {
  if (k.height < 1 || k.width < 1)
    throw new SparsePixelsError('SC_KERNEL', `kernel must be at least 1x1, got ${k.height}x${k.width}`);
  for (let i = 0; i < k.data.length; i++)
    if (!Number.isFinite(k.data[i]!))
      throw new SparsePixelsError(
        'SC_KERNEL',
        `kernel value at row ${Math.floor(i / k.width)}, column ${i % k.width} is ${k.data[i]}`,
      );
  return k;
}

export function kernelTaps(k: Kernel2d, dtype: Dtype): KernelTaps {
  const rowStart = new Int32Array(k.height + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let a = 0; a < k.height; a++) {
    for (let b = 0; b < k.width; b++) {
      const v = dtype === 'float32' ? Math.fround(k.data[a * k.width + b]!) : k.data[a * k.width + b]!;
      if (v !== 0) {
        cols.push(b);
        vals.push(v);
      }
    }
    rowStart[a + 1] = cols.length;
  }
  return {
    height: k.height,
    width: k.width,
    rowStart,
    col: Int32Array.from(cols),
    val: Float64Array.from(vals),
    count: cols.length,
  };
}
