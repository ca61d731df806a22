import type { FixedType, QuantMode } from '@sparsepixels/core';
import { importError } from '../import-error';
import { hgqElementKif, hgqQuantizer, readHgqConfig, type HgqBitwidths } from '../quantizers/hgq';
import { qkerasQuantizer } from '../quantizers/qkeras';
import { gridType, quantizeTo, quantizeValues, type ImportedQuantizer } from '../quantizers/quantizer';
import { quantizerVars, type LayerVars, type StoredVar } from './layer-weights';

type Cfg = Readonly<Record<string, unknown>>;

/** A quantized weight tensor: exact grid values and the type to declare ('auto' = exact type of the values). */
export interface QuantizedTensor {
  readonly values: number[];
  readonly type: FixedType | 'auto';
  readonly text: string;
}

/** Types for float (unquantized) weights, from an hls4ml config; undefined when it gives none. */
export type FloatWeightTypes = (layer: string, key: 'weight' | 'bias') => FixedType | undefined;

/** Whether the config is an HGQ2 layer's (kq_conf / iq_conf keys) rather than QKeras'. */
export function isHgqConfig(cfg: Cfg): boolean {
  return 'kq_conf' in cfg || 'iq_conf' in cfg || 'bq_conf' in cfg || 'enable_iq' in cfg;
}

function fromQuantizer(q: ImportedQuantizer, values: ArrayLike<number>): QuantizedTensor {
  return { values: quantizeValues(q, values), type: q.type ? gridType(q.type) : 'auto', text: q.text };
}

/** A QKeras weight quantizer (quantized_bits; null = float weights, then the hls4ml config's type). */
export function qkerasWeights(
  raw: unknown,
  values: ArrayLike<number>,
  layer: string,
  key: 'weight' | 'bias',
  floatTypes: FloatWeightTypes,
  where: string,
): QuantizedTensor {
  const q = qkerasQuantizer(raw, 'weight', `${where} ${key === 'weight' ? 'kernel' : 'bias'}_quantizer`);
  if (q) return fromQuantizer(q, values);
  return floatWeights(values, layer, key, floatTypes, where);
}

/** Float weights cast to the hls4ml config's type (its rounding and overflow modes), or refused. */
export function floatWeights(
  values: ArrayLike<number>,
  layer: string,
  key: 'weight' | 'bias',
  floatTypes: FloatWeightTypes,
  where: string,
): QuantizedTensor {
  const t = floatTypes(layer, key);
  if (!t)
    throw importError(where, `the ${key === 'weight' ? 'kernel' : 'bias'} is unquantized float; give its precision with --hls-config (Model: Precision: fixed<16,6>, or LayerName: ${layer}: Precision: ${key})`);
  return fromQuantizer({ type: t, text: 'hls4ml config' }, values);
}

/** The position of each HGQ2 bit-width variable in storage order (trainable ones first, as Keras 3 saves). */
function bitwidthOrder(qType: 'kbi' | 'kif', cfg: Cfg, wrap: boolean): ('k' | 'b' | 'i' | 'f' | 'ids')[] {
  const trainable = cfg['trainable'] !== false;
  const created: [name: 'k' | 'b' | 'i' | 'f' | 'ids', trainable: boolean][] =
    qType === 'kbi'
      ? [['k', false], ['b', trainable], ['i', trainable && !wrap]]
      : [['k', false], ['i', trainable && !wrap], ['f', trainable]];
  if (wrap) created.push(['ids', false]);
  return [...created.filter((c) => c[1]), ...created.filter((c) => !c[1])].map((c) => c[0]);
}

/** Reads an HGQ2 quantizer's k, b|f, i from the variables of its sub-layer. */
export function hgqBitwidths(vars: LayerVars, q: string, rawConfig: unknown, place: string, where: string) {
  const c = readHgqConfig(rawConfig, place, where);
  const cfg = ((rawConfig as { config?: Cfg })?.config ?? rawConfig ?? {}) as Cfg;
  const stored: StoredVar[] = q === 'quantizer' ? [...vars.vars] : quantizerVars(vars, q);
  const order = bitwidthOrder(c.qType, cfg, c.overflowMode === 'AP_WRAP');
  if (stored.length < 3)
    throw importError(where, `the ${q} quantizer's bit widths (k, ${c.qType === 'kbi' ? 'b' : 'f'}, i) are not in the weights file (found ${stored.length} variables)`);
  const get = (n: 'k' | 'b' | 'i' | 'f') => stored[order.indexOf(n)]!.array;
  const k = get('k');
  if (!/u1|B|u8/i.test(k.dtype))
    throw importError(where, `cannot identify the ${q} quantizer's variables: expected k (uint8) at position ${order.indexOf('k')}, found ${k.dtype}`);
  const bw: HgqBitwidths = { qType: c.qType, k: k.values, i: get('i').values, second: get(c.qType === 'kbi' ? 'b' : 'f').values };
  return { config: c, bitwidths: bw };
}

/**
 * Whether HGQ2 only rounds this quantizer at inference: a weight quantizer (`is_weight`, true by
 * default for the 'weight' place only) that is trainable and WRAPs returns the rounded value
 * without wrapping (and without zeroing 0-bit elements) for KIF, and for KBI with RND rounding.
 */
function roundsOnly(rawConfig: unknown, place: string, c: { qType: string; roundMode: string; overflowMode: string }): boolean {
  const cfg = ((rawConfig as { config?: Cfg })?.config ?? rawConfig ?? {}) as Cfg;
  const isWeight = typeof cfg['is_weight'] === 'boolean' ? cfg['is_weight'] : place === 'weight';
  return isWeight && cfg['trainable'] !== false && c.overflowMode === 'AP_WRAP' && (c.qType === 'kif' || c.roundMode === 'AP_RND');
}

/** Rounds each element to its own grid (2^-f, the quantizer's rounding) without any overflow or zeroing. */
function roundOnly(bw: HgqBitwidths, roundMode: QuantMode, values: ArrayLike<number>): number[] {
  return Array.from(values, (v, j) => {
    const f = hgqElementKif(bw, j)[2];
    const width = Math.max(1, Math.min(64, f + 40));
    return quantizeTo(v, { kind: 'fixed', signed: true, width, integer: width - f, quant: roundMode, overflow: 'AP_SAT', satBits: 0 });
  });
}

/** An HGQ2 weight quantizer applied to stored float values (per-element bit widths allowed). */
export function hgqWeights(vars: LayerVars, q: 'kq' | 'bq', rawConfig: unknown, values: ArrayLike<number>, where: string): QuantizedTensor {
  const w = `${where} ${q}`;
  const place = q === 'kq' ? 'weight' : 'bias';
  const { config, bitwidths } = hgqBitwidths(vars, q, rawConfig, place, w);
  const quant = hgqQuantizer(config, bitwidths, values.length, w);
  if (!roundsOnly(rawConfig, place, config)) return fromQuantizer(quant, values);
  const rounded = roundOnly(bitwidths, config.roundMode, values);
  // declared on the quantizer's grid when every value stays in its range, else the exact type of the values
  const inRange = quant.type !== undefined && rounded.every((v) => quantizeTo(v, gridType(quant.type!)) === v);
  return { values: rounded, type: inRange ? gridType(quant.type!) : 'auto', text: `${quant.text} (weights round without wrapping)` };
}

/** An HGQ2 datalane quantizer (iq/oq) as one type; per-element widths are refused. */
export function hgqDatalaneType(vars: LayerVars, q: 'iq' | 'oq' | 'quantizer', rawConfig: unknown, count: number, where: string): FixedType {
  const w = `${where} ${q}`;
  const { config, bitwidths } = hgqBitwidths(vars, q, rawConfig, 'datalane', w);
  const quant = hgqQuantizer(config, bitwidths, count, w);
  if (!quant.type)
    throw importError(w, 'the quantizer has different bit widths per element (or 0 bits); one type per tensor is needed for an activation');
  return quant.type;
}
