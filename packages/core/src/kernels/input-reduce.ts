/**
 * InputReduce(N, threshold), docs/semantics.md#input-reduce. Pixels are scanned in raster order (h, then w) over an
 * (h, w, c) channels-last image; a pixel is active iff its channel-0 value is > threshold. The
 * first N active pixels fill slots 0.. with all c channels and hash (h+1, w+1); unused slots hold
 * zeros and hash (1, 1); active pixels beyond the first N are dropped and counted. With `mask`
 * (activity "mask"), the output carries a validity bit per slot: 1 for the kept pixels, 0 for
 * unused slots (docs/semantics.md).
 */
import { quantizeNumber, quantizeNumberBig } from '../fixed';
import type { FixedType } from '../fixed';
import { createSparseTensor, createSparseTensorBig } from '../sparse/create-sparse-tensor';
import type { SparseShape, SparseTensor } from '../sparse/sparse-tensor';
import { checkInt, checkLength, checkSameShape, checkSparseTensor, whereOf } from './kernel-checks';
import { scanAbove, scanNonZero } from './pixel-scan';
import { checkNumberType, rawConverter, rawConverterBig } from './raw-cast';

export interface InputReduceOptions {
  /** Image height, width and channels. */
  readonly h: number;
  readonly w: number;
  readonly c: number;
  /** Slot capacity N >= 1. */
  readonly nMax: number;
  readonly threshold: number;
  /** Activity "mask": the output carries validity bits (1 = the slot holds a kept pixel). */
  readonly mask?: boolean;
  /** Layer name, used to locate errors. */
  readonly name?: string;
}

export interface InputReduceFixedOptions extends InputReduceOptions {
  /** The image's type: raws are in it, and the threshold is cast to it with its own Q/O. */
  readonly input: FixedType;
  /** The features' type; omitted = the input type (raws copied). */
  readonly result?: FixedType;
}

export interface InputReduceResult<F extends ArrayLike<number> | readonly bigint[] = Float64Array> {
  readonly tensor: SparseTensor<F>;
  /** Active pixels beyond the first N (dropped). */
  readonly dropped: number;
}

function checkOptions(image: { length: number }, o: InputReduceOptions): SparseShape {
  const where = whereOf(o.name);
  checkInt(o.nMax, 1, 'InputReduce N', where);
  checkInt(o.h, 1, 'InputReduce image height', where);
  checkInt(o.w, 1, 'InputReduce image width', where);
  checkInt(o.c, 1, 'InputReduce image channels', where);
  checkLength(image, o.h * o.w * o.c, `InputReduce image (${o.h}x${o.w}x${o.c})`, where);
  return { nMax: o.nMax, c: o.c, h: o.h, w: o.w };
}

function outputTensor<T extends SparseTensor<ArrayLike<number> | readonly bigint[]>>(
  shape: SparseShape,
  out: T | undefined,
  create: (s: SparseShape) => T,
  where: string | undefined,
): T {
  if (out === undefined) return create(shape);
  checkSparseTensor(out, 'InputReduce output', where);
  checkSameShape(out.shape, shape, 'InputReduce output', where);
  return out;
}

/**
 * Fills `out` from the pixels `scan` visits (candidates, raster order): `keep(q)` decides activity
 * and `copy(q, slot)` writes the slot's features. Returns the number of dropped active pixels and
 * of filled slots.
 */
function fill(
  shape: SparseShape,
  out: SparseTensor,
  scan: (visit: (q: number) => void) => void,
  keep: (q: number) => boolean,
  copy: (q: number, base: number) => void,
): { dropped: number; used: number } {
  const { nMax, c, w } = shape;
  const { feat, hash } = out;
  let used = 0;
  let dropped = 0;
  scan((q) => {
    if (!keep(q)) return;
    if (used === nMax) {
      dropped++;
      return;
    }
    copy(q, used * c);
    const p = q / c;
    const row = Math.floor(p / w);
    hash[2 * used] = row + 1;
    hash[2 * used + 1] = p - row * w + 1;
    used++;
  });
  feat.fill(0, used * c);
  hash.fill(1, 2 * used);
  return { dropped, used };
}

/** The output with its validity bits under activity "mask" (the first `used` slots valid). */
function withValidity<T extends SparseTensor<ArrayLike<number> | readonly bigint[]>>(t: T, mask: boolean | undefined, used: number): T {
  if (!mask) return t;
  const valid = t.valid && t.valid.length === t.shape.nMax ? t.valid : new Uint8Array(t.shape.nMax);
  valid.fill(1, 0, used);
  valid.fill(0, used);
  return { ...t, valid };
}

/** Scan + fill shared by the float and number-raw forms; `thr` is compared in the image's units. */
function reduceNumber(
  image: ArrayLike<number>,
  thr: number,
  shape: SparseShape,
  out: SparseTensor,
  convert: (v: number) => number,
): { dropped: number; used: number } {
  const { c, h, w } = shape;
  const feat = out.feat;
  return fill(
    shape,
    out,
    (visit) => scanAbove(image, thr, c, h * w * c, visit),
    () => true,
    (q, base) => {
      for (let k = 0; k < c; k++) feat[base + k] = convert(image[q + k] as number);
    },
  );
}

/** Float form: `image` holds real values; activity is `value > threshold` in float64. */
export function inputReduceFloat(
  image: ArrayLike<number>,
  o: InputReduceOptions,
  out?: SparseTensor,
): InputReduceResult {
  const shape = checkOptions(image, o);
  const tensor = outputTensor(shape, out, createSparseTensor, whereOf(o.name));
  const { dropped, used } = reduceNumber(image, o.threshold, shape, tensor, (v) => v);
  return { tensor: withValidity(tensor, o.mask, used), dropped };
}

/** The checks and output of the number-raw forms: types up to 53 bits, input -> result converter. */
function numberRawSetup(image: ArrayLike<number>, o: InputReduceFixedOptions, out: SparseTensor | undefined) {
  const where = whereOf(o.name);
  const shape = checkOptions(image, o);
  checkNumberType(o.input, 'InputReduce input', where);
  const result = o.result ?? o.input;
  checkNumberType(result, 'InputReduce result', where);
  const tensor = outputTensor(shape, out, createSparseTensor, where);
  return { shape, tensor, convert: rawConverter(o.input, result) };
}

/** Bit-exact form on number raws (types up to 53 bits): raws compared with the threshold's raw. */
export function inputReduceFixed(
  image: ArrayLike<number>,
  o: InputReduceFixedOptions,
  out?: SparseTensor,
): InputReduceResult {
  const { shape, tensor, convert } = numberRawSetup(image, o, out);
  const { dropped, used } = reduceNumber(image, quantizeNumber(o.threshold, o.input), shape, tensor, convert);
  return { tensor: withValidity(tensor, o.mask, used), dropped };
}

/**
 * Bit-exact form on a float image: each pixel is cast to the input type (quantizeNumber, the type's
 * own Q/O, as the HLS test bench does) and reduced. Same bits as quantizing the whole image and
 * calling inputReduceFixed, but only non-zero pixels are quantized (0 always casts to raw 0).
 */
export function inputReduceFixedFromFloat(
  image: ArrayLike<number>,
  o: InputReduceFixedOptions,
  out?: SparseTensor,
): InputReduceResult {
  const { shape, tensor, convert } = numberRawSetup(image, o, out);
  const { input } = o;
  const thr = quantizeNumber(o.threshold, input);
  const { c, h, w } = shape;
  const size = h * w * c;
  const raw = (v: number) => (v === 0 ? 0 : quantizeNumber(v, input));
  const feat = tensor.feat;
  const { dropped, used } = fill(
    shape,
    tensor,
    // zero pixels (raw 0) are active only when the threshold's raw is negative
    thr >= 0
      ? (visit) => scanNonZero(image, c, size, visit)
      : (visit) => {
          for (let q = 0; q < size; q += c) visit(q);
        },
    (q) => raw(image[q] as number) > thr,
    (q, base) => {
      for (let k = 0; k < c; k++) feat[base + k] = convert(raw(image[q + k] as number));
    },
  );
  return { tensor: withValidity(tensor, o.mask, used), dropped };
}

/** Bit-exact form on bigint raws (any declared width up to 64 bits). */
export function inputReduceFixedBig(
  image: ArrayLike<bigint>,
  o: InputReduceFixedOptions,
  out?: SparseTensor<bigint[]>,
): InputReduceResult<bigint[]> {
  const shape = checkOptions(image, o);
  const { nMax, c, h, w } = shape;
  const tensor = outputTensor(shape, out, createSparseTensorBig, whereOf(o.name));
  const thr = quantizeNumberBig(o.threshold, o.input);
  const convert = rawConverterBig(o.input, o.result ?? o.input);
  const { feat, hash } = tensor;
  let used = 0;
  let dropped = 0;
  for (let p = 0; p < h * w; p++) {
    if ((image[p * c] as bigint) <= thr) continue;
    if (used === nMax) {
      dropped++;
      continue;
    }
    for (let k = 0; k < c; k++) feat[used * c + k] = convert(image[p * c + k] as bigint);
    hash[2 * used] = Math.floor(p / w) + 1;
    hash[2 * used + 1] = (p % w) + 1;
    used++;
  }
  feat.fill(0n, used * c);
  hash.fill(1, 2 * used);
  return { tensor: withValidity(tensor, o.mask, used), dropped };
}
