import { castRawBig, formatType, fracBits, rawMaxBig, rawMinBig, type FixedType } from '@sparsepixels/core';
import { findInputReduce } from '../input-reduce-of';
import { isLayerOf } from '../ops/builtin';
import type { CompiledModel } from './compile-model';
import type { RawArray } from './runtime';

/** A value range in real units, [min, max]. */
export type ValueRange = readonly [number, number];

/** What profiling found for the model input or one layer's output. */
export interface ProfileEntry {
  /** Layer name, or the input's name. */
  readonly name: string;
  /** The layer's op, or 'input'. */
  readonly op: string;
  /** The type of the values (the layer's result type, the model's input type). */
  readonly type: string;
  /** The accumulator type and its integer bits, for layers that have one. */
  readonly accum?: string;
  readonly accumIntegerBits?: number;
  /** What the type can hold. */
  readonly range: ValueRange;
  /** Smallest and largest value seen (after the casts), null before any value. */
  readonly observed: ValueRange | null;
  /** Smallest and largest value the data asks for (before any overflow), null before any value. */
  readonly needed: ValueRange | null;
  /** Integer bits of the type (including the sign bit). */
  readonly integerBits: number;
  /** Integer bits the needed range asks for, with the same fraction bits and signedness. */
  readonly integerBitsNeeded: number | null;
  /** Values checked (input: its non-zero values; layers: every output value of every event). */
  readonly values: number;
  /** Values a saturating cast clamped by more than one step of the type (an overflow). */
  readonly saturated: number;
  /**
   * Saturations that belong to the model, not counted as overflow: an activation layer's result
   * type is its trained quantizer, which clips at its maximum as training did (QKeras
   * quantized_relu), and a cast moved by one step at most is rounding-sized (a softmax of 1.0
   * stored as 0.99998 in ap_ufixed<16,0>).
   */
  readonly clipped: number;
  /** Values a wrapping cast wrapped around. */
  readonly wrapped: number;
  /** Of those, the values whose accumulator (not the final cast) overflowed. */
  readonly accumOverflows: number;
}

export interface ProfileReport {
  readonly model: string;
  readonly events: number;
  readonly input: ProfileEntry;
  readonly layers: readonly ProfileEntry[];
  /** The InputReduce capacity N, when the model has one. */
  readonly nMax: number | null;
  /** Events with more than N active pixels, and the pixels InputReduce dropped in total. */
  readonly eventsOverNMax: number;
  readonly droppedPixels: number;
  /** True when no value saturated or wrapped anywhere. */
  readonly ok: boolean;
  /** One phrase per place that overflowed (input first, then layers in order). */
  readonly problems: readonly string[];
  /** One line: what overflowed, where, and what it would need. */
  readonly verdict: string;
}

const isSat = (t: FixedType) => t.overflow !== 'AP_WRAP' && t.overflow !== 'AP_WRAP_SM';

/**
 * The fewest integer bits I (sign included when signed) for which ap_[u]fixed<W, I> holds the
 * values [lo, hi]: -2^(I-1) <= lo and hi < 2^(I-1) signed, hi < 2^I unsigned (a negative lo asks
 * for a signed type).
 */
export function integerBitsFor(lo: number, hi: number, signed: boolean): number {
  const s = signed || lo < 0;
  let i = -64;
  const fits = (bits: number) => (s ? lo >= -(2 ** (bits - 1)) && hi < 2 ** (bits - 1) : hi < 2 ** bits);
  while (i < 1100 && !fits(i)) i++;
  return i;
}

/** Running counts of one entry; raws are kept as bigints only for the extremes. */
class Tally {
  values = 0;
  saturated = 0;
  clipped = 0;
  wrapped = 0;
  accumOverflows = 0;
  obsLo = Infinity;
  obsHi = -Infinity;
  needLo = Infinity;
  needHi = -Infinity;
  needLoBig: bigint | undefined;
  needHiBig: bigint | undefined;

  constructor(
    readonly name: string,
    readonly op: string,
    readonly type: FixedType,
    readonly accum: FixedType | undefined,
    /** An activation layer: its result type bounds it by design. */
    readonly activation = false,
  ) {}

  /** An overflow; `step` is how far the cast moved the value, in steps of the result type. */
  overflow(inAccum: boolean, step = Infinity): void {
    const t = inAccum ? (this.accum ?? this.type) : this.type;
    if (isSat(t) && !inAccum && (step <= 1 || this.activation)) this.clipped++;
    else if (isSat(t)) this.saturated++;
    else this.wrapped++;
    if (inAccum) this.accumOverflows++;
  }

  entry(): ProfileEntry {
    const f = fracBits(this.type);
    const scale = 2 ** -f;
    const lo = rawMinBig(this.type);
    const hi = rawMaxBig(this.type);
    const seen = this.values > 0 && this.obsLo <= this.obsHi;
    const needLo = this.needLoBig ?? (Number.isFinite(this.needLo) ? BigInt(this.needLo) : undefined);
    const needHi = this.needHiBig ?? (Number.isFinite(this.needHi) ? BigInt(this.needHi) : undefined);
    const needed = needLo !== undefined && needHi !== undefined;
    return {
      name: this.name,
      op: this.op,
      type: formatType(this.type),
      ...(this.accum ? { accum: formatType(this.accum), accumIntegerBits: this.accum.integer } : {}),
      range: [Number(lo) * scale, Number(hi) * scale],
      observed: seen ? [this.obsLo * scale, this.obsHi * scale] : null,
      needed: needed ? [Number(needLo) * scale, Number(needHi) * scale] : null,
      integerBits: this.type.integer,
      integerBitsNeeded: needed
        ? integerBitsFor(Number(needLo) * scale, Number(needHi) * scale, this.type.signed)
        : null,
      values: this.values,
      saturated: this.saturated,
      clipped: this.clipped,
      wrapped: this.wrapped,
      accumOverflows: this.accumOverflows,
    };
  }
}

/** Range and overflow counts per layer and for the input, gathered event by event. */
export class ProfileStats {
  private readonly input: Tally;
  private readonly layers: Tally[];
  private events = 0;
  private eventsOver = 0;
  private dropped = 0;
  private readonly nMax: number | null;
  private readonly modelName: string;

  constructor(c: CompiledModel, inputType: FixedType) {
    const { model } = c.prepared;
    this.modelName = model.name;
    this.input = new Tally(model.input.name, 'input', inputType, undefined);
    // an activation layer saturates at its quantizer's bound by design
    this.layers = c.layers.map(
      (l) =>
        new Tally(
          l.layer.name,
          l.layer.op,
          l.ctx.precision.result,
          l.ctx.precision.accum,
          isLayerOf(l.layer, 'Activation') || isLayerOf(l.layer, 'SparseActivation'),
        ),
    );
    this.nMax = findInputReduce(c.prepared)?.attrs.nMax ?? null;
  }

  addEvent(dropped: number): void {
    this.events++;
    if (dropped > 0) {
      this.eventsOver++;
      this.dropped += dropped;
    }
  }

  /** One non-zero real input value; `overflow` when the input type cannot hold it, moved by `step` steps. */
  addInput(v: number, overflow: boolean, step: number): void {
    const t = this.input;
    t.values++;
    const raw = v * 2 ** fracBits(t.type);
    if (raw < t.needLo) t.needLo = Math.floor(raw);
    if (raw > t.needHi) t.needHi = Math.ceil(raw);
    if (overflow) t.overflow(false, step);
    else {
      if (raw < t.obsLo) t.obsLo = raw;
      if (raw > t.obsHi) t.obsHi = raw;
    }
  }

  /**
   * One event of layer `li`: its real raws and the widened ones (same fraction bits as the result
   * type, `wideWidth` bits), against the result's raw range [lo, hi]. A widened value outside the
   * range that the real one equals after the result cast is an overflow of the result cast; any
   * other difference is an overflow inside the accumulator.
   */
  addLayer(
    li: number,
    actual: RawArray,
    ideal: RawArray,
    s: { readonly lo: bigint; readonly hi: bigint; readonly frac: number; readonly wideWidth: number },
  ): void {
    const t = this.layers[li]!;
    const n = actual.length;
    t.values += n;
    const outside = (a: bigint, w: bigint) => {
      const inAccum = castRawBig(w, s.frac, t.type, s.wideWidth) !== a;
      t.overflow(inAccum, Number(w > a ? w - a : a - w));
    };
    if (!Array.isArray(actual) && !Array.isArray(ideal)) {
      const lo = Number(s.lo);
      const hi = Number(s.hi);
      for (let k = 0; k < n; k++) {
        const a = actual[k]!;
        const w = ideal[k]!;
        if (a < t.obsLo) t.obsLo = a;
        if (a > t.obsHi) t.obsHi = a;
        if (w < t.needLo) t.needLo = w;
        if (w > t.needHi) t.needHi = w;
        if (w < lo || w > hi) outside(BigInt(a), BigInt(w));
        else if (a !== w) t.overflow(true);
      }
      return;
    }
    for (let k = 0; k < n; k++) {
      const a = BigInt(actual[k]!);
      const w = BigInt(ideal[k]!);
      if (Number(a) < t.obsLo) t.obsLo = Number(a);
      if (Number(a) > t.obsHi) t.obsHi = Number(a);
      if (t.needLoBig === undefined || w < t.needLoBig) t.needLoBig = w;
      if (t.needHiBig === undefined || w > t.needHiBig) t.needHiBig = w;
      if (w < s.lo || w > s.hi) outside(a, w);
      else if (a !== w) t.overflow(true);
    }
  }

  report(): ProfileReport {
    const input = this.input.entry();
    const layers = this.layers.map((t) => t.entry());
    const bad = [input, ...layers].filter((e) => e.saturated + e.wrapped > 0);
    return {
      model: this.modelName,
      events: this.events,
      input,
      layers,
      nMax: this.nMax,
      eventsOverNMax: this.eventsOver,
      droppedPixels: this.dropped,
      ok: bad.length === 0,
      problems: bad.map(problem),
      verdict: verdict(this.events, bad, this.nMax, this.eventsOver, this.dropped),
    };
  }
}

const fmt = (v: number) =>
  Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(3) : String(+v.toPrecision(6));

/** `fc1: 340 values wrapped in the accumulator ap_fixed<10,4> (needs 7 integer bits, has 4)` */
function problem(e: ProfileEntry): string {
  const what = [e.saturated ? `${e.saturated} saturated` : '', e.wrapped ? `${e.wrapped} wrapped` : '']
    .filter(Boolean)
    .join(', ');
  const inAccum = e.accumOverflows > 0 && e.accumOverflows === e.saturated + e.wrapped;
  const where =
    e.op === 'input'
      ? `input ${e.type}`
      : inAccum
        ? `${e.name} accumulator ${e.accum ?? e.type}`
        : `${e.name} ${e.type}`;
  const need = e.needed
    ? `; values reach ${fmt(e.needed[0])}..${fmt(e.needed[1])}, the type holds ${fmt(e.range[0])}..${fmt(e.range[1])}`
    : '';
  const has = inAccum ? e.accumIntegerBits : e.integerBits;
  const bits = e.integerBitsNeeded !== null ? `, needs ${e.integerBitsNeeded} integer bits (has ${has})` : '';
  return `${where}: ${what} of ${e.values} values${need}${bits}`;
}

function verdict(
  events: number,
  bad: readonly ProfileEntry[],
  nMax: number | null,
  over: number,
  dropped: number,
): string {
  const pixels =
    nMax !== null && over > 0
      ? `; ${over} of ${events} events had more than N = ${nMax} active pixels (${dropped} pixels dropped)`
      : '';
  if (bad.length === 0) return `ok: no value saturated or wrapped on ${events} events${pixels}`;
  const shown = bad.slice(0, 3).map(problem);
  const more = bad.length > 3 ? `; and ${bad.length - 3} more` : '';
  return `OVERFLOW on ${events} events: ${shown.join('; ')}${more}${pixels}`;
}
