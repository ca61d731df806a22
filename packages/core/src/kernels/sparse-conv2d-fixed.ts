/**
 * Bit-exact SparseConv2D (SPEC §4.2). Per active output slot i and filter f, in the normative order
 * (slots j ascending, active or not, channels c ascending): `acc += w * x` with acc of the
 * accumulator type starting at 0 (exact product, exact sum, one cast per step); then, if acc != 0,
 * `acc += bias` (same rule; a missing bias is zeros of ap_uint<1>, still added); then the result is
 * `res = acc` (identical types copy bits). Adding a zero term (an inactive neighbour) leaves acc
 * unchanged: acc already holds a value of its type, which every cast into that type keeps (even
 * AP_SAT_SYM, whose clamp never lets acc reach the minimum), so implementations may skip them.
 * `prepareSparseConv2dFixed` runs once per layer; the run functions once per event.
 */
import type { SparseTensor } from '../sparse/sparse-tensor';
import { whereOf } from './kernel-checks';
import { prepareMac, stepBig, stepNumber, type MacTypesInput, type PreparedMac } from './mac-layer';
import { checkConvGeometry, checkConvInput, convSums, type SparseConv2dGeometry } from './sparse-conv2d';

export interface SparseConv2dFixedParams extends SparseConv2dGeometry {
  /** k*k*cin*cout weight raws (types.weight), Keras layout (kh, kw, cin, cout). */
  readonly weights: ArrayLike<number> | readonly bigint[];
  /** cout bias raws (types.bias); omitted = zeros. */
  readonly bias?: ArrayLike<number> | readonly bigint[];
  readonly types: MacTypesInput;
}

export interface PreparedSparseConv2d extends PreparedMac {
  readonly geometry: SparseConv2dGeometry;
}

export function prepareSparseConv2dFixed(p: SparseConv2dFixedParams): PreparedSparseConv2d {
  checkConvGeometry(p, p.weights, p.bias);
  const geometry = { k: p.k, cin: p.cin, cout: p.cout, name: p.name };
  const mac = prepareMac(p.types, p.weights, p.bias, p.cout, 'SparseConv2D', whereOf(p.name));
  return { ...mac, geometry };
}

/** Number raws in and out (declared types up to 53 bits); wider intermediates run on bigints inside. */
export function sparseConv2dFixed(
  x: SparseTensor,
  conv: PreparedSparseConv2d,
  out?: Float64Array,
): SparseTensor {
  const g = conv.geometry;
  checkConvInput(x, g, out);
  const feat = out ?? new Float64Array(x.shape.n * g.cout);
  if (conv.strategy === 'exact-number') exactConv(x, conv, feat);
  else if (conv.strategy === 'step-number') stepConv(x, conv, feat);
  else {
    const big = sparseConv2dFixedBig({ ...x, feat: Array.from(x.feat, BigInt) }, conv);
    for (let k = 0; k < feat.length; k++) feat[k] = Number(big.feat[k]);
  }
  return { shape: { ...x.shape, c: g.cout }, feat, hash: x.hash };
}

function exactConv(x: SparseTensor, conv: PreparedSparseConv2d, out: Float64Array): void {
  const { k, cout } = conv.geometry;
  convSums(x, conv.weightsNum, k, cout, out);
  const { biasNum, toResult } = conv;
  for (let o = 0; o < out.length; o++) {
    const acc = out[o] as number;
    if (acc !== 0) out[o] = toResult(acc + (biasNum[o % cout] as number));
  }
}

/** Calls visit(j, tap) for every slot j within the K x K window of slot i, j ascending. */
function forNeighbours(
  hash: Int32Array,
  n: number,
  i: number,
  k: number,
  visit: (j: number, tap: number) => void,
): void {
  const r = (k - 1) >> 1;
  const hi = hash[2 * i] as number;
  const wi = hash[2 * i + 1] as number;
  for (let j = 0; j < n; j++) {
    const dh = (hash[2 * j] as number) - hi;
    const dw = (hash[2 * j + 1] as number) - wi;
    if (dh >= -r && dh <= r && dw >= -r && dw <= r) visit(j, (r + dh) * k + (r + dw));
  }
}

function stepConv(x: SparseTensor, conv: PreparedSparseConv2d, out: Float64Array): void {
  const { k, cin, cout } = conv.geometry;
  const { n } = x.shape;
  const { feat, hash } = x;
  const { weightsNum: w, biasNum, term, biasStep, toResult } = conv;
  const acc = conv.types.accum;
  out.fill(0);
  for (let i = 0; i < n; i++) {
    if (!isActive(feat, i, cin)) continue;
    const o = i * cout;
    forNeighbours(hash, n, i, k, (j, tap) => {
      for (let c = 0; c < cin; c++) {
        const xv = feat[j * cin + c] as number;
        const wb = (tap * cin + c) * cout;
        for (let f = 0; f < cout; f++)
          out[o + f] = stepNumber(out[o + f] as number, (w[wb + f] as number) * xv, term, acc);
      }
    });
    for (let f = 0; f < cout; f++) {
      const a = out[o + f] as number;
      out[o + f] = a === 0 ? 0 : toResult(stepNumber(a, biasNum[f] as number, biasStep, acc));
    }
  }
}

function isActive(feat: ArrayLike<number | bigint>, i: number, c: number): boolean {
  for (let k = 0; k < c; k++) if (feat[i * c + k] != 0) return true;
  return false;
}

/** Bigint raws in and out (any declared width up to 64 bits): the stepwise reference. */
export function sparseConv2dFixedBig(
  x: SparseTensor<readonly bigint[]>,
  conv: PreparedSparseConv2d,
  out?: bigint[],
): SparseTensor<bigint[]> {
  const { k, cin, cout } = conv.geometry;
  checkConvInput(x, conv.geometry, out);
  const { n } = x.shape;
  const { feat, hash } = x;
  const { weightsBig: w, biasBig, term, biasStep, toResultBig } = conv;
  const acc = conv.types.accum;
  const res = out ?? new Array<bigint>(n * cout);
  res.fill(0n);
  for (let i = 0; i < n; i++) {
    if (!isActive(feat, i, cin)) continue;
    const o = i * cout;
    forNeighbours(hash, n, i, k, (j, tap) => {
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
  return { shape: { ...x.shape, c: cout }, feat: res, hash: x.hash };
}
