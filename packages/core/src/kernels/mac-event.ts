/**
 * The per-event frame that Dense, SparseConv2D and Conv2D share around their MAC loops: pick the
 * path of the event (chooseMacPath), run the number accumulation or fall back to the bigint
 * reference, and cast the accumulators into the result type. A zero accumulator is left as zero
 * (a cast of zero is zero in every type), which also keeps the sparse conv's inactive slots at 0.
 */
import { chooseMacPath, type MacPath, type PreparedMac } from './mac-layer';

export type NumberPath = Exclude<MacPath, 'bigint'>;

/** Accumulator raws of one event on a number path, written into `out`. */
export type MacAccumulate<X, M extends PreparedMac> = (x: X, m: M, path: NumberPath, out: Float64Array) => void;

/**
 * Number raws in and out: `feat` is the input's raws (x's own, or x.feat). Layers whose declared
 * types do not all fit numbers run `reference` (bigint raws, converted back).
 */
export function macEventNumbers<X, M extends PreparedMac>(
  m: M,
  x: X,
  feat: ArrayLike<number>,
  res: Float64Array,
  accumulate: MacAccumulate<X, M>,
  reference: (x: X, m: M) => ArrayLike<bigint>,
): void {
  const path = m.numberTypes ? chooseMacPath(m, feat) : 'bigint';
  if (path === 'bigint') {
    if (!m.numberTypes) m.counts.bigint++;
    const big = reference(x, m);
    for (let o = 0; o < res.length; o++) res[o] = Number(big[o]);
    return;
  }
  accumulate(x, m, path, res);
  const { toResult } = m;
  for (let o = 0; o < res.length; o++) {
    const a = res[o] as number;
    if (a !== 0) res[o] = toResult(a);
  }
}

/**
 * Bigint raws in and out, with the inputs already converted to numbers (xn, raws `feat`). Returns
 * false, writing nothing, when the event needs the bigint reference; else fills `res` from the
 * number accumulation in `acc` (a scratch buffer of res.length).
 */
export function macEventBig<X, M extends PreparedMac>(
  m: M,
  xn: X,
  feat: ArrayLike<number>,
  acc: Float64Array,
  res: bigint[],
  accumulate: MacAccumulate<X, M>,
): boolean {
  const path = chooseMacPath(m, feat);
  if (path === 'bigint') return false;
  accumulate(xn, m, path, acc);
  const { toResultBig } = m;
  for (let o = 0; o < res.length; o++) {
    const a = acc[o] as number;
    res[o] = a === 0 ? 0n : toResultBig(BigInt(a));
  }
  return true;
}
