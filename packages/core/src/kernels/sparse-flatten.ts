/**
 * SparseFlatten(H, W, C), docs/semantics.md#sparse-flatten: a dense H*W*C vector in (h, w, c) order, zero-initialised;
 * for slots in order, each non-zero feature is written at its pixel (so a later slot's non-zero
 * value overwrites, and zeros never do). The fixed forms may convert to a result type
 * (`res = x`, identical types copy bits); the non-zero test is on the input value. Under activity
 * "mask" (the input carries validity bits) the valid slots are written, every channel, and invalid
 * slots never are; with distinct positions per valid slot both rules give the same vector.
 */
import type { FixedType } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { checkActiveHashes, checkLength, checkSparseTensor, whereOf } from './kernel-checks';
import { checkNumberType, rawConverter, rawConverterBig } from './raw-cast';

export interface SparseFlattenParams {
  readonly name?: string;
}

export interface SparseFlattenFixedParams extends SparseFlattenParams {
  readonly types: { readonly input: FixedType; readonly result?: FixedType };
}

function checkFlatten(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  name: string | undefined,
  out?: { length: number },
): number {
  const where = whereOf(name);
  checkSparseTensor(x, 'SparseFlatten input', where);
  checkActiveHashes(x, 'SparseFlatten input', where);
  const { h, w, c } = x.shape;
  if (out !== undefined) checkLength(out, h * w * c, `SparseFlatten output (${h}x${w}x${c})`, where);
  return h * w * c;
}

function scatter<T extends number | bigint>(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  out: { [k: number]: T },
  convert: (v: T) => T,
): void {
  const { shape, hash, valid } = x;
  const feat = x.feat as ArrayLike<T>;
  const { nMax, c, w } = shape;
  for (let i = 0; i < nMax; i++) {
    if (valid) {
      if (valid[i] !== 1) continue;
      const base = (((hash[2 * i] as number) - 1) * w + ((hash[2 * i + 1] as number) - 1)) * c;
      for (let ch = 0; ch < c; ch++) out[base + ch] = convert(feat[i * c + ch] as T);
      continue;
    }
    const base = (((hash[2 * i] as number) - 1) * w + ((hash[2 * i + 1] as number) - 1)) * c;
    for (let ch = 0; ch < c; ch++) {
      const v = feat[i * c + ch] as T;
      if (v != 0) out[base + ch] = convert(v);
    }
  }
}

export function sparseFlattenFloat(
  x: SparseTensor,
  params: SparseFlattenParams = {},
  out?: Float64Array,
): Float64Array {
  const size = checkFlatten(x, params.name, out);
  const res = out ?? new Float64Array(size);
  res.fill(0);
  scatter<number>(x, res, (v) => v);
  return res;
}

/** Number raws (types up to 53 bits). */
export function sparseFlattenFixed(
  x: SparseTensor,
  params: SparseFlattenFixedParams,
  out?: Float64Array,
): Float64Array {
  const where = whereOf(params.name);
  const { input, result = input } = params.types;
  checkNumberType(input, 'SparseFlatten input', where);
  checkNumberType(result, 'SparseFlatten result', where);
  const size = checkFlatten(x, params.name, out);
  const res = out ?? new Float64Array(size);
  res.fill(0);
  scatter<number>(x, res, rawConverter(input, result));
  return res;
}

/** Bigint raws (any declared width up to 64 bits). */
export function sparseFlattenFixedBig(
  x: SparseTensor<readonly bigint[]>,
  params: SparseFlattenFixedParams,
  out?: bigint[],
): bigint[] {
  const { input, result = input } = params.types;
  const size = checkFlatten(x, params.name, out);
  const res = out ?? new Array<bigint>(size);
  res.fill(0n);
  scatter<bigint>(x, res, rawConverterBig(input, result));
  return res;
}
