/**
 * Bit-exact SparseConv2D (docs/semantics.md). Per active output slot i (its validity bit under
 * activity "mask", any non-zero feature under "nonzero"; the output keeps the input's bits) and filter f, in the normative order
 * (slots j ascending, active or not, channels c ascending): `acc += w * x` with acc of the
 * accumulator type starting at 0 (exact product, exact sum, one cast per step); then, if acc != 0,
 * `acc += bias` (same rule; a missing bias is zeros of ap_uint<1>, still added); then the result is
 * `res = acc` (identical types copy bits). Adding a zero term (an inactive neighbour) leaves acc
 * unchanged: acc already holds a value of its type, which every cast into that type keeps (even
 * AP_SAT_SYM, whose clamp never lets acc reach the minimum), so implementations may skip them.
 * `prepareSparseConv2dFixed` runs once per layer; the run functions once per event.
 */
import type { SparseTensor } from '../sparse/sparse-tensor';
import { isSlotActive, validOf, whereOf } from './kernel-checks';
import { bigToNumbers, chooseMacPath, exactArrays, prepareMac, stepBig, stepNumber, type MacPath, type MacLayerConstants, type PreparedMac } from './mac-layer';
import { forNeighbours } from './neighbour-window';
import { checkConvGeometry, checkConvInput, convSums, type SparseConv2dGeometry } from './sparse-conv2d';

/** Weights: k*k*cin*cout raws, Keras layout (kh, kw, cin, cout); bias: cout raws. */
export interface SparseConv2dFixedParams extends SparseConv2dGeometry, MacLayerConstants {}

export interface PreparedSparseConv2d extends PreparedMac {
  readonly geometry: SparseConv2dGeometry;
  /** Reused buffers of the bigint entry point, grown to the event size. */
  readonly scratch: { feat: Float64Array; acc: Float64Array };
}

export function prepareSparseConv2dFixed(p: SparseConv2dFixedParams): PreparedSparseConv2d {
  checkConvGeometry(p, p.weights, p.bias);
  const geometry = { k: p.k, cin: p.cin, cout: p.cout, name: p.name };
  const mac = prepareMac(p.types, p.weights, p.bias, p.cout, 'SparseConv2D', whereOf(p.name), p.cin);
  return { ...mac, geometry, scratch: { feat: new Float64Array(0), acc: new Float64Array(0) } };
}

/** Number raws in and out (declared types up to 53 bits); wider intermediates run on bigints inside. */
export function sparseConv2dFixed(
  x: SparseTensor,
  conv: PreparedSparseConv2d,
  out?: Float64Array,
): SparseTensor {
  const g = conv.geometry;
  checkConvInput(x, g, out);
  const feat = out ?? new Float64Array(x.shape.nMax * g.cout);
  const path = conv.numberTypes ? chooseMacPath(conv, x.feat) : 'bigint';
  if (path === 'bigint') {
    if (!conv.numberTypes) conv.counts.bigint++;
    const big = sparseConv2dFixedReference({ ...x, feat: Array.from(x.feat, BigInt) }, conv);
    for (let k = 0; k < feat.length; k++) feat[k] = Number(big.feat[k]);
  } else {
    convAcc(x, conv, path, feat);
    const { toResult } = conv;
    for (let o = 0; o < feat.length; o++) if (feat[o] !== 0) feat[o] = toResult(feat[o] as number);
  }
  return { shape: { ...x.shape, c: g.cout }, feat, hash: x.hash, ...validOf(x) };
}

/** Accumulator raws (0 on inactive slots and zero sums) on a number path. */
function convAcc(
  x: SparseTensor,
  conv: PreparedSparseConv2d,
  path: Exclude<MacPath, 'bigint'>,
  out: Float64Array,
): void {
  if (path === 'exact') exactConv(x, conv, out);
  else stepConv(x, conv, out);
}

function exactConv(x: SparseTensor, conv: PreparedSparseConv2d, out: Float64Array): void {
  const { k, cout } = conv.geometry;
  const { weights, bias } = exactArrays(conv);
  convSums(x, weights, k, cout, out);
  for (let o = 0; o < out.length; o++) {
    const acc = out[o] as number;
    if (acc !== 0) out[o] = acc + (bias[o % cout] as number);
  }
}

function stepConv(x: SparseTensor, conv: PreparedSparseConv2d, out: Float64Array): void {
  const { k, cin, cout } = conv.geometry;
  const { nMax } = x.shape;
  const { feat, hash } = x;
  const { stepWeights: w, stepBias } = conv.dynamic;
  const { term, biasStep } = conv;
  const acc = conv.types.accum;
  out.fill(0);
  for (let i = 0; i < nMax; i++) {
    if (!isSlotActive(x, i)) continue;
    const o = i * cout;
    forNeighbours(hash, nMax, i, k, (j, tap) => {
      for (let c = 0; c < cin; c++) {
        const xv = feat[j * cin + c] as number;
        const wb = (tap * cin + c) * cout;
        for (let f = 0; f < cout; f++)
          out[o + f] = stepNumber(out[o + f] as number, (w[wb + f] as number) * xv, term, acc);
      }
    });
    for (let f = 0; f < cout; f++) {
      const a = out[o + f] as number;
      out[o + f] = a === 0 ? 0 : stepNumber(a, stepBias[f] as number, biasStep, acc);
    }
  }
}

/**
 * Bigint raws in and out (any declared width up to 64 bits). Events whose checks pass
 * (mac-dynamic.ts) run on numbers with the same bits; the others run the stepwise reference.
 */
export function sparseConv2dFixedBig(
  x: SparseTensor<readonly bigint[]>,
  conv: PreparedSparseConv2d,
  out?: bigint[],
): SparseTensor<bigint[]> {
  const { cout } = conv.geometry;
  checkConvInput(x, conv.geometry, out);
  const s = conv.scratch;
  const size = x.shape.nMax * cout;
  if (s.feat.length !== x.feat.length) s.feat = new Float64Array(x.feat.length);
  if (s.acc.length !== size) s.acc = new Float64Array(size);
  const xn = { ...x, feat: bigToNumbers(x.feat, s.feat) };
  const path = chooseMacPath(conv, xn.feat);
  if (path === 'bigint') return sparseConv2dFixedReference(x, conv, out);
  convAcc(xn, conv, path, s.acc);
  const res = out ?? new Array<bigint>(size);
  for (let o = 0; o < size; o++) {
    const a = s.acc[o] as number;
    res[o] = a === 0 ? 0n : conv.toResultBig(BigInt(a));
  }
  return { shape: { ...x.shape, c: cout }, feat: res, hash: x.hash, ...validOf(x) };
}

/** The stepwise reference on bigints: every step cast, inactive neighbours included. */
export function sparseConv2dFixedReference(
  x: SparseTensor<readonly bigint[]>,
  conv: PreparedSparseConv2d,
  out?: bigint[],
): SparseTensor<bigint[]> {
  const { k, cin, cout } = conv.geometry;
  checkConvInput(x, conv.geometry, out);
  const { nMax } = x.shape;
  const { feat, hash } = x;
  const { weightsBig: w, biasBig, term, biasStep, toResultBig } = conv;
  const acc = conv.types.accum;
  const res = out ?? new Array<bigint>(nMax * cout);
  res.fill(0n);
  for (let i = 0; i < nMax; i++) {
    if (!isSlotActive(x, i)) continue;
    const o = i * cout;
    forNeighbours(hash, nMax, i, k, (j, tap) => {
      for (let c = 0; c < cin; c++) {
        const xv = feat[j * cin + c] as bigint;
        const wb = (tap * cin + c) * cout;
        for (let f = 0; f < cout; f++)
          res[o + f] = stepBig(res[o + f] as bigint, (w[wb + f] as bigint) * xv, term, acc);
      }
    });
    for (let f = 0; f < cout; f++) {
      const a = res[o + f] as bigint;
      res[o + f] = a === 0n ? 0n : toResultBig(stepBig(a, biasBig[f] as bigint, biasStep, acc));
    }
  }
  return { shape: { ...x.shape, c: cout }, feat: res, hash: x.hash, ...validOf(x) };
}
