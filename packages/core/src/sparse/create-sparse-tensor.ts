import type { SparseShape, SparseTensor } from './sparse-tensor';

/** An empty event: every feature 0 and every hash (1, 1), as unused slots are (docs/semantics.md#sparse-tensor). */
export function createSparseTensor(shape: SparseShape): SparseTensor {
  const hash = new Int32Array(2 * shape.nMax).fill(1);
  return { shape: { ...shape }, feat: new Float64Array(shape.nMax * shape.c), hash };
}

/** The bigint-raw counterpart of createSparseTensor (for types wider than 53 bits). */
export function createSparseTensorBig(shape: SparseShape): SparseTensor<bigint[]> {
  const hash = new Int32Array(2 * shape.nMax).fill(1);
  return { shape: { ...shape }, feat: new Array<bigint>(shape.nMax * shape.c).fill(0n), hash };
}
