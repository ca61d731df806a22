import { SparsePixelsError } from '../errors';
import type { SparseShape, SparseTensor } from '../sparse/sparse-tensor';

/** Locates a kernel error: `layer "conv1"` when the caller named the layer. */
export function whereOf(name: string | undefined): string | undefined {
  return name === undefined ? undefined : `layer "${name}"`;
}

/** `v` must be an integer >= `min`. */
export function checkInt(v: number, min: number, what: string, where?: string): void {
  if (!Number.isInteger(v) || v < min) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `${what} = ${v} is not allowed; expected an integer >= ${min}`,
      where,
    );
  }
}

/** An array argument must have exactly `expected` elements. */
export function checkLength(
  arr: { readonly length: number },
  expected: number,
  what: string,
  where?: string,
): void {
  if (arr.length !== expected) {
    throw new SparsePixelsError(
      'SP_ARRAY_LENGTH',
      `${what} has ${arr.length} elements; expected ${expected}`,
      where,
    );
  }
}

/** Shape fields are positive integers; feat holds nMax*c values and hash 2n coordinates. */
export function checkSparseTensor(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  what: string,
  where?: string,
): void {
  checkShape(x.shape, what, where);
  checkLength(x.feat, x.shape.nMax * x.shape.c, `${what} features`, where);
  checkLength(x.hash, 2 * x.shape.nMax, `${what} hash`, where);
}

export function checkShape(s: SparseShape, what: string, where?: string): void {
  checkInt(s.nMax, 1, `${what} capacity N`, where);
  checkInt(s.c, 1, `${what} channels C`, where);
  checkInt(s.h, 1, `${what} height H`, where);
  checkInt(s.w, 1, `${what} width W`, where);
}

/** Is slot `i` active, i.e. is any of its `c` features non-zero? */
export function slotActive(feat: ArrayLike<number | bigint>, i: number, c: number): boolean {
  const base = i * c;
  for (let k = 0; k < c; k++) {
    // Loose equality on purpose: 0n != 0 is false, so one test serves number and bigint raws.
    if (feat[base + k] != 0) return true;
  }
  return false;
}

/** Is slot `i` of `x` active: its validity bit when the tensor carries one, else slotActive. */
export function isSlotActive(x: SparseTensor<ArrayLike<number> | readonly bigint[]>, i: number): boolean {
  return x.valid ? x.valid[i] === 1 : slotActive(x.feat, i, x.shape.c);
}

/** `{ valid }` of `x` when it carries validity bits, to spread into an output that keeps them. */
export function validOf(x: { readonly valid?: Uint8Array }): { valid?: Uint8Array } {
  return x.valid ? { valid: x.valid } : {};
}

/**
 * Every active slot's 1-based (h, w) must lie on the grid. Inactive slots are not checked: pooling
 * gives dropped slots their pooled hash, which may lie one cell beyond the pooled grid (docs/semantics.md#sparse-pooling2d).
 */
export function checkActiveHashes(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  what: string,
  where?: string,
): void {
  const { nMax, h, w } = x.shape;
  if (x.valid) checkLength(x.valid, nMax, `${what} validity bits`, where);
  for (let i = 0; i < nMax; i++) {
    if (!isSlotActive(x, i)) continue;
    const hi = x.hash[2 * i] as number;
    const wi = x.hash[2 * i + 1] as number;
    if (hi < 1 || hi > h || wi < 1 || wi > w) {
      throw new SparsePixelsError(
        'SP_HASH_OUT_OF_GRID',
        `${what} slot ${i} has hash (${hi}, ${wi}) outside the ${h}x${w} grid; allowed 1..${h} and 1..${w}`,
        where,
      );
    }
  }
}

/** An output buffer passed in must have the shape the kernel produces. */
export function checkSameShape(
  actual: SparseShape,
  expected: SparseShape,
  what: string,
  where?: string,
): void {
  const a = actual;
  const e = expected;
  if (a.nMax !== e.nMax || a.c !== e.c || a.h !== e.h || a.w !== e.w) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `${what} has shape N=${a.nMax} C=${a.c} on ${a.h}x${a.w}; expected N=${e.nMax} C=${e.c} on ${e.h}x${e.w}`,
      where,
    );
  }
}
