import { apUint, type FixedType } from '@sparsepixels/core';
import type { MacDesc, TensorDesc } from '../model/adapter';
import { macOrder, type AccumOrder } from '../plan/accum-order';
import { convertRaw, packRaws, productType, resultCast, stepGroup, termCast, type Params } from '../plan/type-params';

/** Result-cast keys of the MAC cores (source is the accumulator: its width/signedness are AW/AS). */
export const MAC_RESULT_KEYS = ['SF', 'DF', 'DS', 'Q', 'O', 'NB'];

/** A missing bias is zeros of ap_uint<1> (core's kernels still add it). */
export function biasOf(m: MacDesc, nOut: number): { type: FixedType; raws: readonly bigint[] } {
  return m.bias && m.biases ? { type: m.bias, raws: m.biases } : { type: apUint(1), raws: new Array<bigint>(nOut).fill(0n) };
}

/** Parameters every MAC core shares: operand formats, weights, the term/step/result casts. */
export function macParams(
  m: MacDesc,
  input: TensorDesc,
  output: TensorDesc,
  where: string,
  casts: { term: boolean; step: boolean },
): Params {
  const x = input.type;
  const product = productType(x, m.weight);
  const p: Params = {
    XW: x.width,
    XS: x.signed ? 1 : 0,
    WW: m.weight.width,
    WS: m.weight.signed ? 1 : 0,
    AW: m.accum.width,
    AS: m.accum.signed ? 1 : 0,
    RW: output.type.width,
    WEIGHTS: packRaws(m.weights, m.weight.width),
    ...resultCast(m.accum, output.type, MAC_RESULT_KEYS, where),
  };
  if (casts.term) Object.assign(p, termCast(product, m.accum));
  if (casts.step) Object.assign(p, stepGroup('S', m.accum, product, where));
  return p;
}

/** Order of a conv's accumulation (it starts at 0; the bias step comes last, once). */
export function convOrder(m: MacDesc, input: TensorDesc, nOut: number): AccumOrder {
  return macOrder({ input: input.type, weight: m.weight, accum: m.accum }, m.weights, nOut, new Array<bigint>(nOut).fill(0n));
}

/** A dense layer's starting accumulators: each bias converted into the accumulator type. */
export function denseStart(m: MacDesc, nOut: number): bigint[] {
  const b = biasOf(m, nOut);
  return b.raws.map((r) => convertRaw(r, b.type, m.accum));
}

export function denseOrder(m: MacDesc, input: FixedType, nOut: number): AccumOrder {
  return macOrder({ input, weight: m.weight, accum: m.accum }, m.weights, nOut, denseStart(m, nOut));
}

