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
import { macEventBig, macEventNumbers, type NumberPath } from './mac-event';
import { bigToNumbers, exactArrays, prepareMac, type MacLayerConstants, type MacSteps, type PreparedMac, type RawBuffer } from './mac-layer';
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

/**
 * The stepwise MAC on either raw form: acc = bias, then acc += w*x for i ascending. The number
 * form skips zero inputs (acc already holds a value of its type: adding 0 leaves it unchanged);
 * the reference does not, and the tests compare the two.
 */
function denseSteps<T extends number | bigint>(
  x: ArrayLike<T>,
  s: MacSteps<T>,
  g: DenseGeometry,
  acc: RawBuffer<T>,
  skipZeros: boolean,
): void {
  const { nIn, nOut } = g;
  const { weights: w, bias, mac, zero } = s;
  for (let o = 0; o < nOut; o++) acc[o] = s.startAcc(bias[o] as T);
  for (let i = 0; i < nIn; i++) {
    const xv = x[i] as T;
    if (skipZeros && xv === zero) continue;
    for (let o = 0; o < nOut; o++) acc[o] = mac(acc[o] as T, w[i * nOut + o] as T, xv);
  }
}

/** Accumulator raws of every output on a number path (x: number raws, zeros skipped). */
function denseAcc(x: ArrayLike<number>, d: PreparedDense, path: NumberPath, acc: Float64Array): void {
  if (path === 'exact') {
    const { weights, bias } = exactArrays(d);
    denseSums(x, weights, bias, d.geometry.nOut, acc);
  } else {
    denseSteps(x, d.numberSteps, d.geometry, acc, true);
  }
}

const referenceOfNumbers = (x: ArrayLike<number>, d: PreparedDense): bigint[] =>
  denseFixedReference(Array.from(x, BigInt), d);

/** Number raws in and out (declared types up to 53 bits); events that need it run on bigints inside. */
export function denseFixed(x: ArrayLike<number>, d: PreparedDense, out?: Float64Array): Float64Array {
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Float64Array(d.geometry.nOut);
  macEventNumbers(d, x, x, res, denseAcc, referenceOfNumbers);
  return res;
}

/**
 * Bigint raws in and out (any declared width up to 64 bits). Events whose checks pass
 * (mac-dynamic.ts) run on numbers with the same bits; the others run the stepwise reference.
 */
export function denseFixedBig(x: ArrayLike<bigint>, d: PreparedDense, out?: bigint[]): bigint[] {
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Array<bigint>(d.geometry.nOut);
  const xn = bigToNumbers(x, d.scratch.x);
  return macEventBig(d, xn, xn, d.scratch.acc, res, denseAcc) ? res : denseFixedReference(x, d, res);
}

/** The stepwise reference on bigints: every step cast, zeros included. */
export function denseFixedReference(x: ArrayLike<bigint>, d: PreparedDense, out?: bigint[]): bigint[] {
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Array<bigint>(d.geometry.nOut);
  denseSteps(x, d.bigSteps, d.geometry, res, false);
  for (let o = 0; o < res.length; o++) res[o] = d.toResultBig(res[o] as bigint);
  return res;
}
