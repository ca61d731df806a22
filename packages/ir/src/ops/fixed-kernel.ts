/**
 * The bit-exact kernel frame most ops share: bigint raws when any type involved is wider than 53
 * bits (the output handed on as numbers when the result type fits), else number raws. The op gives
 * both forms of its run; the input arrives converted and the output buffer is allocated once per layer.
 */
import type { FixedType, SparseShape } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { LayerKernel, RuntimeTensor } from '../interpret/runtime';

export interface FixedKernelForms {
  /** Every type involved (input, result, accumulator...): any above 53 bits selects the bigint form. */
  readonly types: readonly (FixedType | undefined)[];
  readonly result: FixedType;
  /** Output raws per event. */
  readonly size: number;
  readonly number: (x: Float64Array, out: Float64Array, input: RuntimeTensor) => RuntimeTensor;
  readonly bigint: (x: bigint[], out: bigint[], input: RuntimeTensor) => RuntimeTensor;
}

export function fixedKernel(k: FixedKernelForms): LayerKernel {
  if (needsBig(...k.types)) {
    const out = new Array<bigint>(k.size).fill(0n);
    const narrowOut = k.result.width <= 53;
    return {
      run: ([x]) => {
        const r = k.bigint(toBigRaws(x!.data), out, x!);
        return narrowOut ? { ...r, data: toNumberRaws(r.data) } : r;
      },
    };
  }
  const out = new Float64Array(k.size);
  return { run: ([x]) => k.number(toNumberRaws(x!.data), out, x!) };
}

/** A sparse op's output tensor: the features, hash and validity bits the kernel returned; shape = its own by default. */
export function sparseOutput<F>(
  r: { readonly feat: F; readonly hash: Int32Array; readonly valid?: Uint8Array; readonly shape: SparseShape },
  shape: SparseShape = r.shape,
): RuntimeTensor<F> {
  return { data: r.feat, hash: r.hash, sparse: shape, valid: r.valid };
}
