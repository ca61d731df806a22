import { apFixed, apUfixed, type FixedType, type OverflowMode } from '@sparsepixels/core';
import { importError } from '../import-error';
import { bindArguments, parseCallExpression, type PyValue } from './call-expression';
import type { ImportedQuantizer } from './quantizer';

/** Where a quantizer sits: on weights (quantized once at import) or on activations (a layer's result type). */
export type QuantizerRole = 'weight' | 'activation';

const BITS_ORDER = [
  'bits', 'integer', 'symmetric', 'keep_negative', 'alpha', 'use_stochastic_rounding', 'scale_axis',
  'qnoise_factor', 'var_name', 'use_ste', 'use_variables', 'elements_per_scale', 'min_po2_exponent',
  'max_po2_exponent', 'post_training_scale',
];
const RELU_ORDER = [
  'bits', 'integer', 'use_sigmoid', 'negative_slope', 'use_stochastic_rounding', 'relu_upper_bound',
  'is_quantized_clip', 'qnoise_factor', 'var_name', 'use_ste', 'use_variables',
];

/** A QKeras quantizer as a name and its keyword arguments (from a config dict or a string). */
export interface QKerasSpec {
  readonly name: string;
  readonly config: Readonly<Record<string, PyValue | unknown>>;
}

/** Reads `{class_name, config}`, a `"quantized_bits(8,2)"` string, or null (no quantizer). */
export function readQKerasSpec(raw: unknown, where: string): QKerasSpec | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    const call = parseCallExpression(raw, where);
    const order = call.name === 'quantized_relu' ? RELU_ORDER : BITS_ORDER;
    return { name: call.name, config: bindArguments(call, order, where) };
  }
  if (typeof raw === 'object' && typeof (raw as { class_name?: unknown }).class_name === 'string') {
    const o = raw as { class_name: string; config?: Record<string, unknown> };
    return { name: o.class_name, config: o.config ?? {} };
  }
  throw importError(where, `cannot read the quantizer ${JSON.stringify(raw)}`);
}

function num(c: QKerasSpec['config'], key: string, dflt: number): number {
  const v = c[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(key);
  return v;
}

/** Settings we cannot reproduce exactly are refused, naming the setting. */
function refuseUnless(ok: boolean, where: string, what: string): void {
  if (!ok) throw importError(where, `${what} is not supported (it cannot be reproduced exactly by an ap type)`);
}

function quantizedBits(spec: QKerasSpec, role: QuantizerRole, where: string): ImportedQuantizer {
  const c = spec.config;
  const bits = num(c, 'bits', 8);
  const integer = num(c, 'integer', 0);
  const symmetric = num(c, 'symmetric', 0) !== 0;
  const keepNegative = num(c, 'keep_negative', 1) !== 0;
  const alpha = c['alpha'];
  refuseUnless(alpha === undefined || alpha === null || alpha === 1, where, `quantized_bits alpha=${JSON.stringify(alpha)} (only alpha=1 or None)`);
  refuseUnless(num(c, 'qnoise_factor', 1) === 1, where, `quantized_bits qnoise_factor=${String(c['qnoise_factor'])} (only 1.0)`);
  refuseUnless(c['post_training_scale'] === undefined || c['post_training_scale'] === null, where, 'quantized_bits post_training_scale');
  refuseUnless(Number.isInteger(bits) && Number.isInteger(integer), where, `quantized_bits(${bits}, ${integer}) with non-integer widths`);
  refuseUnless(bits - (keepNegative ? 1 : 0) >= 1, where, `quantized_bits with ${bits} bit(s) (binary/sign quantizers)`);
  refuseUnless(bits <= 64, where, `quantized_bits(${bits}, ...) wider than 64 bits`);
  // step 2^(integer - bits + keep_negative); signed range [-2^integer (+step if symmetric), 2^integer - step]
  // round half to even (tf.round), then clip: AP_RND_CONV with AP_SAT (AP_SAT_SYM when symmetric)
  const overflow: OverflowMode = symmetric && keepNegative ? 'AP_SAT_SYM' : 'AP_SAT';
  const type: FixedType = keepNegative
    ? apFixed(bits, integer + 1, 'AP_RND_CONV', overflow)
    : apUfixed(bits, integer, 'AP_RND_CONV', overflow);
  const text = `quantized_bits(${bits},${integer}${symmetric ? ',symmetric=1' : ''}${keepNegative ? '' : ',keep_negative=False'})`;
  return { type, text };
}

function quantizedRelu(spec: QKerasSpec, role: QuantizerRole, where: string): ImportedQuantizer {
  const c = spec.config;
  const bits = num(c, 'bits', 8);
  const integer = num(c, 'integer', 0);
  refuseUnless(role === 'activation', where, 'quantized_relu as a weight quantizer');
  refuseUnless(num(c, 'use_sigmoid', 0) === 0, where, 'quantized_relu use_sigmoid');
  refuseUnless(num(c, 'negative_slope', 0) === 0, where, `quantized_relu negative_slope=${String(c['negative_slope'])}`);
  refuseUnless(c['relu_upper_bound'] === undefined || c['relu_upper_bound'] === null, where, 'quantized_relu relu_upper_bound');
  refuseUnless(num(c, 'qnoise_factor', 1) === 1, where, `quantized_relu qnoise_factor=${String(c['qnoise_factor'])} (only 1.0)`);
  refuseUnless(Number.isInteger(bits) && Number.isInteger(integer) && bits >= 1 && bits <= 64, where, `quantized_relu(${bits}, ${integer})`);
  // grid 2^(integer - bits), range [0, 2^integer - step], ties to even
  return { type: apUfixed(bits, integer, 'AP_RND_CONV', 'AP_SAT'), text: `quantized_relu(${bits},${integer})` };
}

/**
 * The ap type of a QKeras quantizer (quantized_bits, quantized_relu), refusing settings that no
 * ap type reproduces. quantized_bits(B, I) = ap_fixed<B, I+1> (ap_ufixed<B, I> without
 * keep_negative); as an activation it rounds half to even and saturates (AP_RND_CONV, AP_SAT, or
 * AP_SAT_SYM when symmetric); quantized_relu(B, I) = ap_ufixed<B, I, AP_RND_CONV, AP_SAT>.
 */
export function qkerasQuantizer(raw: unknown, role: QuantizerRole, where: string): ImportedQuantizer | null {
  const spec = readQKerasSpec(raw, where);
  if (!spec) return null;
  try {
    if (spec.name === 'quantized_bits') return quantizedBits(spec, role, where);
    if (spec.name === 'quantized_relu') return quantizedRelu(spec, role, where);
  } catch (err) {
    if (err instanceof Error && err.name !== 'SparsePixelsError')
      throw importError(where, `${spec.name} has a non-numeric '${err.message}'`);
    throw err;
  }
  throw importError(where, `the QKeras quantizer '${spec.name}' is not supported (quantized_bits and quantized_relu are)`);
}
