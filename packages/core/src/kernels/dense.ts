/**
 * Dense, docs/semantics.md#dense: Keras layout (in x out). For each output o, acc starts with bias[o] (as
 * hls4ml's latency dense does), then acc += w[i][o] * x[i] for inputs i ascending. Float form here;
 * the bit-exact form is dense-fixed.ts.
 */
import { checkInt, checkLength, whereOf } from './kernel-checks';
import type { MacConstants } from './mac-layer';

export interface DenseGeometry {
  readonly nIn: number;
  readonly nOut: number;
  readonly name?: string;
}

/** Weights: nIn*nOut, Keras layout (in, out); bias: nOut. */
export interface DenseParams extends DenseGeometry, MacConstants<ArrayLike<number>> {}

export function checkDenseGeometry(
  g: DenseGeometry,
  weights: { length: number },
  bias: { length: number } | undefined,
): void {
  const where = whereOf(g.name);
  checkInt(g.nIn, 1, 'Dense inputs', where);
  checkInt(g.nOut, 1, 'Dense units', where);
  checkLength(weights, g.nIn * g.nOut, `Dense weights (${g.nIn}x${g.nOut})`, where);
  if (bias !== undefined) checkLength(bias, g.nOut, 'Dense bias', where);
}

export function checkDenseInput(
  x: { length: number },
  g: DenseGeometry,
  out: { length: number } | undefined,
): void {
  const where = whereOf(g.name);
  checkLength(x, g.nIn, 'Dense input', where);
  if (out !== undefined) checkLength(out, g.nOut, 'Dense output', where);
}

/**
 * out[o] = start[o] + sum over i ascending of w[i*nOut+o] * x[i], in float64. Zero inputs are
 * skipped: adding w*0 leaves a float sum (and an exact integer sum) unchanged.
 */
export function denseSums(
  x: ArrayLike<number>,
  weights: ArrayLike<number>,
  start: ArrayLike<number> | undefined,
  nOut: number,
  out: Float64Array,
): void {
  for (let o = 0; o < nOut; o++) out[o] = start === undefined ? 0 : (start[o] as number);
  for (let i = 0; i < x.length; i++) {
    const xv = x[i] as number;
    if (xv === 0) continue;
    const wb = i * nOut;
    for (let o = 0; o < nOut; o++) out[o] = (out[o] as number) + (weights[wb + o] as number) * xv;
  }
}

export function denseFloat(x: ArrayLike<number>, p: DenseParams, out?: Float64Array): Float64Array {
  checkDenseGeometry(p, p.weights, p.bias);
  checkDenseInput(x, p, out);
  const res = out ?? new Float64Array(p.nOut);
  denseSums(x, p.weights, p.bias, p.nOut, res);
  return res;
}
