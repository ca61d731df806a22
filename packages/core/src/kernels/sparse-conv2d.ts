/**
 * SparseConv2D(K odd, Cin, Cout), docs/semantics.md#sparse-conv2d: submanifold, stride 1, 'same'. For each active output
 * slot i and filter f, acc = sum over slots j ascending (active or not: inactive slots contribute
 * zero terms), channels c ascending, with |h_i-h_j| <= R and |w_i-w_j| <= R (R = (K-1)/2), of
 * w[R+h_j-h_i][R+w_j-w_i][c][f] * x[j][c]; if acc != 0, bias[f] is added; inactive output slots
 * give 0. Active: the validity bit under activity "mask" (docs/semantics.md), else any non-zero
 * feature; the output keeps the input's validity bits. Weights in Keras layout (kh, kw, cin, cout). Output slots keep the input hash.
 */
import { SparsePixelsError } from '../errors';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { checkActiveHashes, checkInt, checkLength, checkSparseTensor, isSlotActive, validOf, whereOf } from './kernel-checks';
import type { MacConstants } from './mac-layer';
import { windowTap } from './neighbour-window';

export interface SparseConv2dGeometry {
  /** Kernel size K (odd). */
  readonly k: number;
  readonly cin: number;
  readonly cout: number;
  readonly name?: string;
}

/** Weights: k*k*cin*cout, Keras layout (kh, kw, cin, cout); bias: cout. */
export interface SparseConv2dParams extends SparseConv2dGeometry, MacConstants<ArrayLike<number>> {}

/** Checks K, channel counts and the weight/bias lengths of a layer (once per layer). */
export function checkConvGeometry(
  g: SparseConv2dGeometry,
  weights: { length: number },
  bias: { length: number } | undefined,
): void {
  const where = whereOf(g.name);
  checkInt(g.k, 1, 'SparseConv2D kernel size K', where);
  if (g.k % 2 === 0) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `SparseConv2D kernel size K = ${g.k} is even; K must be odd`,
      where,
    );
  }
  checkInt(g.cin, 1, 'SparseConv2D input channels', where);
  checkInt(g.cout, 1, 'SparseConv2D filters', where);
  const k = g.k;
  checkLength(weights, k * k * g.cin * g.cout, `SparseConv2D weights (${k}x${k}x${g.cin}x${g.cout})`, where);
  if (bias !== undefined) checkLength(bias, g.cout, 'SparseConv2D bias', where);
}

/** Checks an event against a layer: channels, K within the grid, active hashes on the grid, output length. */
export function checkConvInput(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  g: SparseConv2dGeometry,
  out: { length: number } | undefined,
): void {
  const where = whereOf(g.name);
  checkSparseTensor(x, 'SparseConv2D input', where);
  const { nMax, c, h, w } = x.shape;
  if (c !== g.cin) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `SparseConv2D input has ${c} channels; the weights expect ${g.cin}`,
      where,
    );
  }
  if (g.k > h || g.k > w) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `SparseConv2D kernel size K = ${g.k} is larger than the ${h}x${w} grid; allowed K <= ${Math.min(h, w)}`,
      where,
    );
  }
  if (out !== undefined) checkLength(out, nMax * g.cout, 'SparseConv2D output', where);
  checkActiveHashes(x, 'SparseConv2D input', where);
}

/**
 * out[i*cout+f] = sum of w*x over the neighbourhood of active slot i in the normative order, no
 * bias, for weights and features that are plain numbers (floats, or integers whose partial sums
 * are exact in float64). Inactive slots get 0. Returns nothing; `out` is overwritten.
 */
export function convSums(
  x: SparseTensor<ArrayLike<number>>,
  weights: ArrayLike<number>,
  k: number,
  cout: number,
  out: Float64Array,
): void {
  const { nMax, c: cin } = x.shape;
  const { feat, hash } = x;
  out.fill(0);
  for (let i = 0; i < nMax; i++) {
    if (!isSlotActive(x, i)) continue;
    const o = i * cout;
    const hi = hash[2 * i] as number;
    const wi = hash[2 * i + 1] as number;
    for (let j = 0; j < nMax; j++) {
      const t = windowTap((hash[2 * j] as number) - hi, (hash[2 * j + 1] as number) - wi, k);
      if (t < 0) continue;
      const tap = t * cin * cout;
      for (let c = 0; c < cin; c++) {
        const xv = feat[j * cin + c] as number;
        const wb = tap + c * cout;
        for (let f = 0; f < cout; f++) out[o + f] = (out[o + f] as number) + (weights[wb + f] as number) * xv;
      }
    }
  }
}

/** Float form: float64 sums in the normative order, bias added where the sum is non-zero. */
export function sparseConv2dFloat(x: SparseTensor, p: SparseConv2dParams, out?: Float64Array): SparseTensor {
  checkConvGeometry(p, p.weights, p.bias);
  checkConvInput(x, p, out);
  const feat = out ?? new Float64Array(x.shape.nMax * p.cout);
  convSums(x, p.weights, p.k, p.cout, feat);
  const bias = p.bias;
  if (bias !== undefined) {
    for (let o = 0; o < feat.length; o++)
      if (feat[o] !== 0) feat[o] = (feat[o] as number) + (bias[o % p.cout] as number);
  }
  return { shape: { ...x.shape, c: p.cout }, feat, hash: x.hash, ...validOf(x) };
}
