/**
 * SparsePooling2D(P, avg|max), docs/semantics.md#sparse-pooling2d: stride P, 'valid'. Every slot gets the pooled hash
 * ((h-1) div P) + 1; slots whose pooled position lies outside floor(H/P) x floor(W/P) are dropped
 * (features 0). The first slot of each pooled cell, in slot order, gathers the values of every
 * slot with that pooled position (itself first, then later slots ascending, inactive ones included
 * as zeros); later slots of the cell get 0. avg = sum * r * r with r = floor(2^F/P)/2^F (F =
 * reciprocalBits, 10 in v1); max = the largest gathered value. Under activity "mask" (the input
 * carries validity bits) only valid slots take part: the owner of a cell is its first valid slot,
 * it gathers the valid slots of the cell, and the output's validity bit is 1 exactly at owners (the
 * OR of the cell's bits); invalid slots never change a value (docs/semantics.md). Float form here;
 * the bit-exact form is sparse-pool2d-fixed.ts.
 */
import { SparsePixelsError } from '../errors';
import type { SparseShape, SparseTensor } from '../sparse/sparse-tensor';
import { checkActiveHashes, checkInt, checkLength, checkSparseTensor, whereOf } from './kernel-checks';

export type PoolMode = 'avg' | 'max';
export const POOL_MODES: readonly PoolMode[] = ['avg', 'max'];

export interface SparsePool2dParams {
  /** Pool size and stride P. */
  readonly p: number;
  readonly mode: PoolMode;
  /** avg: fraction bits F of r = floor(2^F/P)/2^F (0..32; default 10, the v1 constant). */
  readonly reciprocalBits?: number;
  readonly name?: string;
}

/** The v1 reciprocal's fraction bits (docs/semantics.md, pooling reciprocal). */
export const V1_RECIPROCAL_BITS = 10;

/** The raw of r = floor(2^F/P)/2^F with F = `bits` fraction bits (v1: F = 10). */
export function poolReciprocalRaw(p: number, bits: number = V1_RECIPROCAL_BITS): number {
  return Math.floor(2 ** bits / p);
}

/** Checks a reciprocal precision: an integer 0..32. */
export function checkReciprocalBits(bits: number, what: string, where?: string): void {
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) {
    throw new SparsePixelsError('SP_KERNEL_ARG', `${what} reciprocal bits ${bits} must be an integer 0..32`, where);
  }
}

/**
 * Checks the event and returns the pooled shape. owner[j] = the first slot of j's pooled cell (so
 * owner[i] === i for the slot that gathers the cell), or -1 if j is dropped; `hashOut` gets every
 * slot's pooled hash.
 */
export function poolLayout(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  params: SparsePool2dParams,
  hashOut: Int32Array,
  owner: Int32Array,
  outLength: number | undefined,
): SparseShape {
  const where = whereOf(params.name);
  checkSparseTensor(x, 'SparsePooling2D input', where);
  const { nMax, c, h, w } = x.shape;
  const p = params.p;
  checkInt(p, 1, 'SparsePooling2D pool size P', where);
  if (p > h || p > w) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `SparsePooling2D pool size P = ${p} is larger than the ${h}x${w} grid; allowed P <= ${Math.min(h, w)}`,
      where,
    );
  }
  if (!POOL_MODES.includes(params.mode)) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `SparsePooling2D mode "${String(params.mode)}" is unknown; allowed avg, max`,
      where,
    );
  }
  if (outLength !== undefined) checkLength({ length: outLength }, nMax * c, 'SparsePooling2D output', where);
  checkLength(hashOut, 2 * nMax, 'SparsePooling2D output hash', where);
  checkActiveHashes(x, 'SparsePooling2D input', where);
  checkReciprocalBits(params.reciprocalBits ?? V1_RECIPROCAL_BITS, 'SparsePooling2D', where);
  assignPoolOwners(x.hash, nMax, p, h, w, hashOut, owner, x.valid);
  return { nMax, c, h: Math.floor(h / p), w: Math.floor(w / p) };
}

/**
 * The pooling rule itself, for one event of nMax slots on an h x w grid, without checks (training
 * uses it too, so what is trained is what the kernels compute): `hashOut` gets every slot's pooled
 * hash, owner[j] = the first slot of j's pooled cell (owner[i] === i for the gathering slot), or -1
 * when the pooled position lies outside floor(h/P) x floor(w/P). With `valid` (activity "mask"),
 * invalid slots get -1 too (they take no part) and owners are valid slots.
 */
export function assignPoolOwners(
  hash: ArrayLike<number>,
  nMax: number,
  p: number,
  h: number,
  w: number,
  hashOut: Int32Array,
  owner: Int32Array,
  valid?: ArrayLike<number>,
): void {
  const ho = Math.floor(h / p);
  const wo = Math.floor(w / p);
  for (let i = 0; i < nMax; i++) {
    const ph = Math.floor((hash[2 * i]! - 1) / p) + 1;
    const pw = Math.floor((hash[2 * i + 1]! - 1) / p) + 1;
    hashOut[2 * i] = ph;
    hashOut[2 * i + 1] = pw;
    const takesPart = ph >= 1 && ph <= ho && pw >= 1 && pw <= wo && (valid === undefined || valid[i] === 1);
    owner[i] = takesPart ? i : -1;
    for (let k = 0; k < i && owner[i] === i; k++) {
      if (owner[k] === k && hashOut[2 * k] === ph && hashOut[2 * k + 1] === pw) owner[i] = k;
    }
  }
}

let scratch = new Int32Array(64);

/** A reusable Int32Array of at least nMax elements for poolLayout's owners (kernels are not re-entrant). */
export function ownerScratch(nMax: number): Int32Array {
  if (scratch.length < nMax) scratch = new Int32Array(nMax);
  return scratch;
}

/** The layout of one event (poolLayout) into `outHash` (or a new hash) and the shared owner scratch. */
export function poolEvent(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  params: SparsePool2dParams,
  outLength: number | undefined,
  outHash?: Int32Array,
): { hash: Int32Array; owner: Int32Array; shape: SparseShape } {
  const hash = outHash ?? new Int32Array(2 * x.shape.nMax);
  const owner = ownerScratch(x.shape.nMax);
  return { hash, owner, shape: poolLayout(x, params, hash, owner, outLength) };
}

/** The output's validity bits under activity "mask": 1 exactly at the owners. */
export function pooledValidity(
  x: { readonly valid?: Uint8Array },
  owner: Int32Array,
  nMax: number,
): { valid?: Uint8Array } {
  if (!x.valid) return {};
  const valid = new Uint8Array(nMax);
  for (let i = 0; i < nMax; i++) valid[i] = owner[i] === i ? 1 : 0;
  return { valid };
}

/** Float form: avg = (sum * r) * r in float64, with the same r as the bit-exact form. */
export function sparsePool2dFloat(
  x: SparseTensor,
  params: SparsePool2dParams,
  out?: Float64Array,
  outHash?: Int32Array,
): SparseTensor {
  const { nMax, c } = x.shape;
  const { hash, owner, shape } = poolEvent(x, params, out?.length, outHash);
  const feat = out ?? new Float64Array(nMax * c);
  feat.fill(0);
  const bits = params.reciprocalBits ?? V1_RECIPROCAL_BITS;
  const r = poolReciprocalRaw(params.p, bits) / 2 ** bits;
  const avg = params.mode === 'avg';
  for (let i = 0; i < nMax; i++) {
    if (owner[i] !== i) continue;
    for (let ch = 0; ch < c; ch++) {
      let acc = avg ? 0 : -Infinity;
      for (let j = i; j < nMax; j++) {
        if (owner[j] !== i) continue;
        const v = x.feat[j * c + ch] as number;
        acc = avg ? acc + v : Math.max(acc, v);
      }
      feat[i * c + ch] = avg ? acc * r * r : acc;
    }
  }
  return { shape, feat, hash, ...pooledValidity(x, owner, nMax) };
}
