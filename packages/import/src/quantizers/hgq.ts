import { type FixedType, type OverflowMode, type QuantMode } from '@sparsepixels/core';
import { importError } from '../import-error';
import type { ImportedQuantizer } from './quantizer';

/** The bit-width state of one HGQ2 fixed-point quantizer as stored in the weights file. */
export interface HgqBitwidths {
  /** 'kbi' (k, b, i stored) or 'kif' (k, i, f stored). */
  readonly qType: 'kbi' | 'kif';
  readonly k: ArrayLike<number>;
  /** b (KBI) or f (KIF). */
  readonly second: ArrayLike<number>;
  readonly i: ArrayLike<number>;
}

/** An HGQ2 QuantizerConfig's settings that matter for inference. */
export interface HgqQuantizerConfig {
  readonly qType: 'kbi' | 'kif';
  readonly roundMode: QuantMode;
  readonly overflowMode: OverflowMode;
  readonly text: string;
}

/** Python's round-half-to-even on a float parameter (HGQ2 rounds its b, i, f this way). */
function roundConv(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

const ROUNDS: Record<string, QuantMode> = {
  TRN: 'AP_TRN', RND: 'AP_RND', RND_CONV: 'AP_RND_CONV', TRN_ZERO: 'AP_TRN_ZERO', RND_ZERO: 'AP_RND_ZERO',
  RND_MIN_INF: 'AP_RND_MIN_INF', RND_INF: 'AP_RND_INF',
};
const OVERFLOWS: Record<string, OverflowMode> = { WRAP: 'AP_WRAP', SAT: 'AP_SAT', SAT_SYM: 'AP_SAT_SYM' };

/**
 * Reads a serialized HGQ2 `QuantizerConfig` (`{class_name: "QuantizerConfig", config: {...}}`).
 * Stochastic rounding (S_RND, S_RND_CONV) is a training-time mode: inference uses RND / RND_CONV,
 * as hls4ml does. A scaler, an affine map, float quantizers and WRAP_SM are refused.
 */
export function readHgqConfig(raw: unknown, place: string, where: string): HgqQuantizerConfig {
  const o = (raw && typeof raw === 'object' ? ((raw as { config?: unknown }).config ?? raw) : undefined) as
    | Record<string, unknown>
    | undefined;
  if (!o) throw importError(where, `the ${place} quantizer config is missing or unreadable`);
  let qType = String(o['q_type'] ?? 'default');
  if (qType === 'default') qType = place === 'datalane' ? 'kif' : 'kbi';
  if (qType !== 'kbi' && qType !== 'kif')
    throw importError(where, `HGQ2 q_type '${qType}' of the ${place} quantizer is not supported (kbi and kif are)`);
  for (const key of ['scaler', 'affine'])
    if (o[key] !== undefined && o[key] !== null)
      throw importError(where, `HGQ2 ${key}=${JSON.stringify(o[key])} on the ${place} quantizer is not supported`);
  if (o['qnoise_factor'] !== undefined && o['qnoise_factor'] !== null && o['qnoise_factor'] !== 1)
    throw importError(where, `HGQ2 qnoise_factor=${String(o['qnoise_factor'])} on the ${place} quantizer is not supported`);
  const defaultOverflow = place === 'weight' || place === 'table' ? 'SAT_SYM' : 'WRAP';
  const r = String(o['round_mode'] ?? 'RND').toUpperCase().replace(/^S_/, '');
  const v = String(o['overflow_mode'] ?? defaultOverflow).toUpperCase();
  const roundMode = ROUNDS[r];
  const overflowMode = OVERFLOWS[v === 'SYM' ? 'SAT_SYM' : v];
  if (!roundMode) throw importError(where, `HGQ2 round_mode '${r}' is not supported (${Object.keys(ROUNDS).join(', ')})`);
  if (!overflowMode) throw importError(where, `HGQ2 overflow_mode '${v}' is not supported (WRAP, SAT, SAT_SYM)`);
  return { qType, roundMode, overflowMode, text: `${qType}(${r}, ${v})` };
}

/**
 * The ap type of one element: k sign bit, i integer bits (i raised to -f as HGQ2 does), f
 * fractional bits; ap_[u]fixed<k+i+f, k+i, round, overflow>. Null when k+i+f <= 0 (HGQ2 outputs 0).
 */
export function hgqElementType(k: number, i: number, f: number, c: HgqQuantizerConfig): FixedType | null {
  const ii = Math.max(i, -f);
  const width = k + ii + f;
  if (width <= 0) return null;
  const signed = k > 0;
  return {
    kind: 'fixed',
    signed,
    width,
    integer: k + ii,
    quant: c.roundMode,
    overflow: signed ? c.overflowMode : c.overflowMode === 'AP_SAT_SYM' ? 'AP_SAT' : c.overflowMode,
    satBits: 0,
  };
}

/** k, i, f of element j (the bit-width arrays broadcast: one value, or one per element). */
export function hgqElementKif(b: HgqBitwidths, j: number): [number, number, number] {
  const at = (a: ArrayLike<number>) => (a.length === 1 ? a[0]! : a[j]!);
  const k = at(b.k) > 0 ? 1 : 0;
  const i = roundConv(at(b.i));
  const second = roundConv(at(b.second));
  return b.qType === 'kbi' ? [k, i, second - i] : [k, i, second];
}

function same(a: FixedType | null, b: FixedType | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * An HGQ2 quantizer over `count` elements. Unsigned SAT_SYM is SAT (the lower bound is 0 either
 * way). Uniform bit widths give one type; otherwise every element keeps its own.
 */
export function hgqQuantizer(c: HgqQuantizerConfig, bw: HgqBitwidths, count: number, where: string): ImportedQuantizer {
  const n = Math.max(bw.k.length, bw.i.length, bw.second.length);
  if (n !== 1 && n !== count)
    throw importError(where, `HGQ2 bit widths hold ${n} values for ${count} elements (only one or one per element are read)`);
  const types: (FixedType | null)[] = [];
  for (let j = 0; j < n; j++) {
    const [k, i, f] = hgqElementKif(bw, j);
    const t = hgqElementType(k, i, f, c);
    if (t && t.width > 64) throw importError(where, `HGQ2 quantizer of ${t.width} bits (k=${k}, i=${i}, f=${f}) is wider than 64 bits`);
    types.push(t);
  }
  const uniform = types.every((t) => same(t, types[0]!));
  if (uniform) {
    const t = types[0]!;
    if (t === null) return { type: undefined, elementTypes: new Array<FixedType | null>(count).fill(null), text: `${c.text} of 0 bits` };
    return { type: t, text: c.text };
  }
  return { type: undefined, elementTypes: n === 1 ? new Array(count).fill(types[0]) : types, text: c.text };
}

