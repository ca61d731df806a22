/**
 * Bit-exact Dense (SPEC §4.6). For each output o: `acc = bias[o]` (bias -> accumulator conversion;
 * a missing bias is zeros of ap_uint<1>), then `acc += w[i][o] * x[i]` for i ascending
 * (exact product, exact sum, one cast per step into the accumulator type), then `res = acc`
 * (identical types copy bits). A zero input leaves acc unchanged (acc already holds a value of its
 * type, which every cast into that type keeps), so the number form skips zeros; the bigint
 * reference does not, and the tests compare the two. Strategies as for SparseConv2D (mac-plan.ts).
 */
import { whereOf } from './kernel-checks';
import { prepareMac, stepBig, stepNumber, type MacTypesInput, type PreparedMac } from './mac-layer';
import { checkDenseGeometry, checkDenseInput, denseSums, type DenseGeometry } from './dense';

export interface DenseFixedParams extends DenseGeometry {
  /** nIn*nOut weight raws (types.weight), Keras layout (in, out). */
  readonly weights: ArrayLike<number> | readonly bigint[];
  /** nOut bias raws (types.bias); omitted = zeros. */
  readonly bias?: ArrayLike<number> | readonly bigint[];
  readonly types: MacTypesInput;
}

export interface PreparedDense extends PreparedMac {
  readonly geometry: DenseGeometry;
}

export function prepareDenseFixed(p: DenseFixedParams): PreparedDense {
  checkDenseGeometry(p, p.weights, p.bias);
  const geometry = { nIn: p.nIn, nOut: p.nOut, name: p.name };
  return { ...prepareMac(p.types, p.weights, p.bias, p.nOut, 'Dense', whereOf(p.name)), geometry };
}

/** Number raws in and out (declared types up to 53 bits); wider intermediates run on bigints inside. */
export function denseFixed(x: ArrayLike<number>, d: PreparedDense, out?: Float64Array): Float64Array {
  const { nIn, nOut } = d.geometry;
  checkDenseInput(x, d.geometry, out);
  const res = out ?? new Float64Array(nOut);
  if (d.strategy === 'exact-number') {
    denseSums(x, d.weightsNum, d.biasNum, nOut, res);
    for (let o = 0; o < nOut; o++) res[o] = d.toResult(res[o] as number);
  } else if (d.strategy === 'step-number') {
    const { weightsNum: w, term } = d;
    const acc = d.types.accum;
    for (let o = 0; o < nOut; o++) res[o] = d.biasToAcc(d.biasNum[o] as number);
    for (let i = 0; i < nIn; i++) {
      const xv = x[i] as number;
      if (xv === 0) continue; // acc already holds a value of its type: adding 0 leaves it unchanged
      for (let o = 0; o < nOut; o++)
        res[o] = stepNumber(res[o] as number, (w[i * nOut + o] as number) * xv, term, acc);
    }
    for (let o = 0; o < nOut; o++) res[o] = d.toResult(res[o] as number);
  } else {
    const big = denseFixedBig(Array.from(x, BigInt), d);
    for (let o = 0; o < nOut; o++) res[o] = Number(big[o]);
  }
  return res;
}

/** Bigint raws in and out (any declared width up to 64 bits): the stepwise reference. */
export function denseFixedBig(x: ArrayLike<bigint>, d: PreparedDense, out?: bigint[]): bigint[] {
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
