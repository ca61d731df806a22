import { SparsePixelsError } from '@sparsepixels/core';
import type { SparseImages } from './types';

const fail = (message: string): never => {
  throw new SparsePixelsError('SC_INPUT', message);
};

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Checks a CSR batch: shapes, array types, row pointers, and indices in range and ascending per image. */
export function checkImages(x: SparseImages, height: number, width: number, where = 'images'): void {
  if (!x || typeof x !== 'object') fail(`${where} must be { nImages, height, width, indptr, indices, data }`);
  if (!isCount(x.nImages)) fail(`${where}.nImages must be a non-negative integer, got ${x.nImages}`);
  if (x.height !== height || x.width !== width)
    fail(`${where} are ${x.height}x${x.width}, this convolution was set up for ${height}x${width}`);
  if (!(x.indptr instanceof Int32Array) || x.indptr.length !== x.nImages + 1)
    fail(`${where}.indptr must be an Int32Array of nImages + 1 = ${x.nImages + 1} entries`);
  if (!(x.indices instanceof Int32Array)) fail(`${where}.indices must be an Int32Array`);
  if (!(x.data instanceof Float64Array || x.data instanceof Float32Array))
    fail(`${where}.data must be a Float64Array or Float32Array`);
  const { indptr, indices } = x;
  const pixels = height * width;
  if (indptr[0]! < 0) fail(`${where}.indptr[0] is negative`);
  for (let i = 0; i < x.nImages; i++) {
    const a = indptr[i]!;
    const b = indptr[i + 1]!;
    if (b < a) fail(`${where}.indptr decreases at image ${i} (${a} then ${b})`);
    if (b > indices.length || b > x.data.length)
      fail(
        `${where}.indptr[${i + 1}] = ${b} is past the end of indices (${indices.length}) or data (${x.data.length})`,
      );
    let prev = -1;
    for (let p = a; p < b; p++) {
      const v = indices[p]!;
      if (v <= prev || v >= pixels)
        fail(
          v >= pixels || v < 0
            ? `${where}.indices[${p}] = ${v} (image ${i}) is outside 0..${pixels - 1}`
            : `${where}.indices of image ${i} are not strictly ascending at position ${p} (${prev} then ${v})`,
        );
      prev = v;
    }
  }
}

export function checkShape(height: unknown, width: unknown): void {
  if (
    !Number.isInteger(height) ||
    !Number.isInteger(width) ||
    (height as number) < 1 ||
    (width as number) < 1
  )
    throw new SparsePixelsError('SC_SHAPE', `image shape must be positive integers, got ${height}x${width}`);
  if ((height as number) * (width as number) > 2 ** 31 - 1)
    throw new SparsePixelsError(
      'SC_SHAPE',
      `image ${height}x${width} has more than 2^31-1 pixels (Int32 indices)`,
    );
}
