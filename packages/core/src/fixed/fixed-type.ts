/** Quantization modes of Xilinx ap_fixed (docs/semantics.md#quantization). */
export const QUANT_MODES = [
  'AP_TRN',
  'AP_TRN_ZERO',
  'AP_RND',
  'AP_RND_ZERO',
  'AP_RND_MIN_INF',
  'AP_RND_INF',
  'AP_RND_CONV',
] as const;
export type QuantMode = (typeof QUANT_MODES)[number];

/** Overflow modes of Xilinx ap_fixed (docs/semantics.md#overflow). */
export const OVERFLOW_MODES = ['AP_WRAP', 'AP_SAT', 'AP_SAT_ZERO', 'AP_SAT_SYM', 'AP_WRAP_SM'] as const;
export type OverflowMode = (typeof OVERFLOW_MODES)[number];

/**
 * A fixed-point or integer type. `ap_int<W>` is `{kind:'int', signed:true, width:W, integer:W}`;
 * integers carry AP_TRN/AP_WRAP/0. Declared types have 1 <= width <= 64; the result types of
 * arithmetic operators may be wider (values are exact bigints there).
 */
export interface FixedType {
  readonly kind: 'fixed' | 'int';
  readonly signed: boolean;
  /** W: total bits. */
  readonly width: number;
  /** I: integer bits including the sign bit (may be <= 0 or > W for fixed types). */
  readonly integer: number;
  readonly quant: QuantMode;
  readonly overflow: OverflowMode;
  /** N: saturation bits, used by AP_WRAP / AP_WRAP_SM only. */
  readonly satBits: number;
}

/** F = W - I, the number of fractional bits (may be negative). */
export function fracBits(t: FixedType): number {
  return t.width - t.integer;
}
