import { SparsePixelsError } from '@sparsepixels/core';
import type { FloatArray, SparseImages } from './types';
import { checkShape } from './validate';

/**
 * Dense (nImages, height*width) row-major values to the CSR batch (zeros dropped). The values keep
 * their array type: a Float32Array gives float32 data.
 */
export function fromDense<T extends FloatArray>(
  dense: T,
  shape: { nImages?: number; height: number; width: number },
): SparseImages<T> {
  checkShape(shape.height, shape.width);
  const pixels = shape.height * shape.width;
  const nImages = shape.nImages ?? dense.length / pixels;
  if (!Number.isInteger(nImages) || nImages * pixels !== dense.length)
    throw new SparsePixelsError(
      'SC_INPUT',
      `dense input has ${dense.length} values, not a whole number of ${shape.height}x${shape.width} images`,
    );
  let nnz = 0;
  for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) nnz++;
  const indptr = new Int32Array(nImages + 1);
  const indices = new Int32Array(nnz);
  const data = new (dense.constructor as new (n: number) => T)(nnz);
  let w = 0;
  for (let img = 0; img < nImages; img++) {
    for (let p = 0; p < pixels; p++) {
      const v = dense[img * pixels + p]!;
      if (v !== 0) {
        indices[w] = p;
        data[w++] = v;
      }
    }
    indptr[img + 1] = w;
  }
  return { nImages, height: shape.height, width: shape.width, indptr, indices, data };
}

/** The CSR batch as dense (nImages, height*width) row-major values, of the same array type. */
export function toDense<T extends FloatArray>(images: SparseImages<T>): T {
  const pixels = images.height * images.width;
  const out = new (images.data.constructor as new (n: number) => T)(images.nImages * pixels);
  for (let img = 0; img < images.nImages; img++)
    for (let p = images.indptr[img]!; p < images.indptr[img + 1]!; p++)
      out[img * pixels + images.indices[p]!] = images.data[p]!;
  return out;
}
