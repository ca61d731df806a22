/**
 * SparseActivation, docs/semantics.md#sparse-activation: an activation applied to the features of each active slot (for
 * softmax, over the slot's C channels); inactive slots stay all-zero and the hash is unchanged.
 * For ReLU and linear (f(0) = 0) this is exactly element-wise on all N*C features; for sigmoid it
 * keeps empty slots empty instead of filling them with f(0) = 0.5. Under activity "nonzero" a slot
 * whose activated features are all zero becomes inactive; under "mask" the validity bits pass
 * through unchanged (a valid slot with zero features gets f(0), e.g. 0.5 for sigmoid).
 */
import type { SparseTensor } from '../sparse/sparse-tensor';
import type { ActivationKernel, FixedActivation } from './activation-kernel';
import { checkLength, checkSparseTensor, isSlotActive, validOf, whereOf } from './kernel-checks';

function checkEvent(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  out: { length: number } | undefined,
  name?: string,
): void {
  const where = whereOf(name);
  checkSparseTensor(x, 'SparseActivation input', where);
  if (out !== undefined) checkLength(out, x.feat.length, 'SparseActivation output', where);
}

/**
 * Applies `run(feat, from, c)` to every active slot of x and zeroes the others; the forms differ only
 * in the activation's entry point and the raw form of their features.
 */
function activateSlots<F extends Float64Array | bigint[]>(
  x: SparseTensor<ArrayLike<number> | readonly bigint[]>,
  feat: F,
  zero: F[number],
  run: (feat: F, from: number, c: number) => void,
): SparseTensor<F> {
  const { nMax, c } = x.shape;
  for (let i = 0; i < nMax; i++) {
    if (isSlotActive(x, i)) run(feat, i * c, c);
    else for (let k = i * c; k < (i + 1) * c; k++) feat[k] = zero;
  }
  return { shape: x.shape, feat, hash: x.hash, ...validOf(x) };
}

export function sparseActivationFloat(
  x: SparseTensor,
  activation: ActivationKernel,
  out?: Float64Array,
  name?: string,
): SparseTensor {
  checkEvent(x, out, name);
  const feat = out ?? new Float64Array(x.feat.length);
  return activateSlots(x, feat, 0, (f, from, c) => activation.float(x.feat, f, from, c));
}

/** `activation` comes from ActivationKernel.prepareFixed (types and tables resolved once per layer). */
export function sparseActivationFixed(
  x: SparseTensor,
  activation: FixedActivation,
  out?: Float64Array,
  name?: string,
): SparseTensor {
  checkEvent(x, out, name);
  const feat = out ?? new Float64Array(x.feat.length);
  return activateSlots(x, feat, 0, (f, from, c) => activation.run(x.feat, f, from, c));
}

export function sparseActivationFixedBig(
  x: SparseTensor<readonly bigint[]>,
  activation: FixedActivation,
  out?: bigint[],
  name?: string,
): SparseTensor<bigint[]> {
  checkEvent(x, out, name);
  const feat = out ?? new Array<bigint>(x.feat.length);
  return activateSlots(x, feat, 0n, (f, from, c) => activation.runBig(x.feat, f, from, c));
}
