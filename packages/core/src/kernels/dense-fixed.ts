/**
 * Bit-exact Dense (docs/semantics.md#dense). For each output o: `acc = bias[o]` (bias -> accumulator conversion;
 * a missing bias is zeros of ap_uint<1>), then `acc += w[i][o] * x[i]` for i ascending
 * (exact product, exact sum, one cast per step into the accumulator type), then `res = acc`
 * (identical types copy bits). A zero input leaves acc unchanged (acc already holds a value of its
 * type, which every cast into that type keeps), so the number form skips zeros; the bigint
 * reference does not, and the tests compare the two. Strategies as for SparseConv2D (mac-plan.ts);
 * events the static strategy leaves to bigints may still run on numbers (mac-dynamic.ts).
 */
import { whereOf } from './kernel-checks';
import { bigToNumbers, chooseMacPath, exactArrays, prepareMac, stepBig, stepNumber, type MacPath, type MacLayerConstants, type PreparedMac } from './mac-layer';
import { checkDenseGeometry, checkDenseInput, denseSums, type DenseGeometry } from './dense';

/** Weights: nIn*nOut raws, Keras layout (in, out); bias: nOut raws. */
export interface DenseFixedParams extends DenseGeometry, MacLayerConstants {}

export interface PreparedDense extends PreparedMac {
  readonly geometry: DenseGeometry;
  /** Reused buffers of the bigint entry point (inputs as numbers, accumulators). */
  readonly scratch: { readonly x: Float64Array; readonly acc: Float64Array };
}

export function prepareDenseFixed(p: DenseFixedParams): PreparedDense {
  checkDenseGeometry(p, p.weights, p.bias);
  const geometry = { nIn: p.nIn, nOut: p.nOut, name: p.name };
  const mac = prepareMac(p.types, p.weights, p.bias, p.nOut, 'Dense', whereOf(p.name), p.nIn);
  return { ...mac, geometry, scratch: { x: new Float64Array(p.nIn), acc: new Float64Array(p.nOut) } };
}

/** Accumulator raws of every output on a number path (x: number raws, zeros skipped). */
function denseAcc(
  x: ArrayLike<number>,
  d: PreparedDense,
  path: Exclude<MacPath, 'bigint'>,
  acc: Float64Array,
): void {
  const { nIn, nOut } = d.geometry;
  if (path === 'exact') {
    const { weights, bias } = exactArrays(d);
    denseSums(x, weights, bias, nOut, acc);
    return;
  }
  const { stepWeights: w, stepBias } = d.dynamic;
  const { term } = d;
  const accType = d.types.accum;
  for (let o = 0; o < nOut; o++) acc[o] = d.biasToAcc(stepBias[o] as number);
  for (let i = 0; i < nIn; i++) {
    const xv = x[i] as number;
    if (xv === 0) continue; // acc already holds a value of its type: adding 0 leaves it unchanged
    for (let o = 0; o < nOut; o++)
      acc[o] = stepNumber(acc[o] as number, (w[i * nOut + o] as number) * xv, term, accType);
  }
}

/** Number raws in and out (declared types up to 53 bits); events that need it run on bigints inside. */
export function denseFixed(x: ArrayLike<number>, d: PreparedDense, out?: Float64Array): Float64Array {
  const { nOut } = d.geometry;
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Float64Array(nOut);
  const path = d.numberTypes ? chooseMacPath(d, x) : 'bigint';
  if (path === 'bigint') {
    if (!d.numberTypes) d.counts.bigint++;
    const big = denseFixedReference(Array.from(x, BigInt), d);
    for (let o = 0; o < nOut; o++) res[o] = Number(big[o]);
    return res;
  }
  denseAcc(x, d, path, res);
  for (let o = 0; o < nOut; o++) res[o] = d.toResult(res[o] as number);
  return res;
}

/**
 * Bigint raws in and out (any declared width up to 64 bits). Events whose checks pass
 * (mac-dynamic.ts) run on numbers with the same bits; the others run the stepwise reference.
 */
export function denseFixedBig(x: ArrayLike<bigint>, d: PreparedDense, out?: bigint[]): bigint[] {
  const { nOut } = d.geometry;
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Array<bigint>(nOut);
  const path = chooseMacPath(d, bigToNumbers(x, d.scratch.x));
  if (path === 'bigint') return denseFixedReference(x, d, res);
  const acc = d.scratch.acc;
  denseAcc(d.scratch.x, d, path, acc);
  for (let o = 0; o < nOut; o++) res[o] = d.toResultBig(BigInt(acc[o] as number));
  return res;
}

/** The stepwise reference on bigints: every step cast, zeros included. */
export function denseFixedReference(x: ArrayLike<bigint>, d: PreparedDense, out?: bigint[]): bigint[] {
  const { nIn, nOut } = d.geometry;
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Array<bigint>(nOut);
  const { weightsBig: w, term } = d;
  const acc = d.types.accum;
  for (let o = 0; o < nOut; o++) res[o] = d.biasToAccBig(d.biasBig[o] as bigint);
  for (let i = 0; i < nIn; i++) {
    const xv = x[i] as bigint;
    for (let o = 0; o < nOut; o++)
      res[o] = stepBig(res[o] as bigint, (w[i * nOut + o] as bigint) * xv, term, acc);
  }
  for (let o = 0; o < nOut; o++) res[o] = d.toResultBig(res[o] as bigint);
  return res;
}
