import { apUint, type FixedType } from '@sparsepixels/core';
import type { MacDesc, TensorDesc } from '../model/adapter';
import { macOrder, type AccumOrder } from '../plan/accum-order';
import { convertRaw, packRaws, productType, resultCast, stepGroup, termCast, type Params } from '../plan/type-params';
import type { ParamValue } from '../verilog/builder';

/** Result-cast keys of the MAC cores (source is the accumulator: its width/signedness are AW/AS). */
export const MAC_RESULT_KEYS = ['SF', 'DF', 'DS', 'Q', 'O', 'NB'];

/** A missing bias is zeros of ap_uint<1> (core's kernels still add it). */
export function biasOf(m: MacDesc, nOut: number): { type: FixedType; raws: readonly bigint[] } {
  return m.bias && m.biases ? { type: m.bias, raws: m.biases } : { type: apUint(1), raws: new Array<bigint>(nOut).fill(0n) };
}

/**
 * Which multipliers a core needs (issue 13: a constant-zero weight costs nothing): bit g is 1 when
 * some weight whose flat index e has e % groups = g is non-zero. The cores instantiate no
 * multiplier for a 0 bit and feed a constant 0 product to the same sum or step, so the bits are
 * unchanged in every accumulation mode. groups = CIN*COUT (conv: a filter tap is looked up per
 * neighbour, so only a whole (cin, cout) kernel slice can be dropped), C*NOUT (the fused dense:
 * per pixel), NIN*NOUT (a parallel dense: every weight).
 */
export function nonZeroGroups(weights: readonly bigint[], groups: number): ParamValue {
  let v = 0n;
  weights.forEach((w, e) => {
    if (w !== 0n) v |= 1n << BigInt(e % groups);
  });
  return { width: groups, value: v };
}

/**
 * A parallel dense layer's sum trees without the zero weights: per output o, CNT[o] = its non-zero
 * weights and POS = each one's position in o's tree (ascending input index; PB bits each).
 */
export function termPositions(weights: readonly bigint[], nIn: number, nOut: number): Params {
  const pb = Math.max(1, Math.ceil(Math.log2(nIn + 2)));
  const pos = new Array<bigint>(nIn * nOut).fill(0n);
  const cnt = new Array<bigint>(nOut).fill(0n);
  for (let i = 0; i < nIn; i++) {
    for (let o = 0; o < nOut; o++) {
      if (weights[i * nOut + o] === 0n) continue;
      pos[i * nOut + o] = cnt[o]!;
      cnt[o]! += 1n;
    }
  }
  return { PB: pb, POS: packRaws(pos, pb), CNT: packRaws(cnt, pb) };
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

