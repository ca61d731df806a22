/**
 * Fixed-point types and rounding modes in layer configs. TensorFlow.js rewrites every string in a
 * saved config (snake_case on save, camelCase on load), which mangles 'ap_fixed<8,3,AP_RND_CONV>'.
 * Configs therefore hold a lowercase spelling without underscores, which both rewrites leave
 * alone: 'fixed<8,3,rndconv,sat,0>', 'ufixed<8,1,trn,wrap,0>', 'int<8>'.
 */
import { OVERFLOW_MODES, parseType, QUANT_MODES, SparsePixelsError, type FixedType, type QuantMode } from '@sparsepixels/core';

const token = (mode: string) => mode.replace(/^AP_/, '').replace(/_/g, '').toLowerCase();
const MODE_OF = new Map<string, string>([...QUANT_MODES, ...OVERFLOW_MODES].map((m) => [token(m), m]));

export function modeToConfig(mode: QuantMode): string {
  return token(mode);
}

/** A quantization mode from its config token (or its canonical name). */
export function modeFromConfig(s: string): QuantMode {
  const m = MODE_OF.get(token(s));
  if (!m || !(QUANT_MODES as readonly string[]).includes(m)) {
    throw new SparsePixelsError('SP_LAYER_ARG', `rounding "${s}" is unknown; allowed ${QUANT_MODES.join(', ')}`);
  }
  return m as QuantMode;
}

export function typeToConfig(t: FixedType): string {
  const family = `${t.signed ? '' : 'u'}${t.kind === 'int' ? 'int' : 'fixed'}`;
  if (t.kind === 'int') return `${family}<${t.width}>`;
  return `${family}<${t.width},${t.integer},${token(t.quant)},${token(t.overflow)},${t.satBits}>`;
}

/** A type from its config spelling (or any spelling parseType accepts). */
export function typeFromConfig(s: string): FixedType {
  const m = /^\s*(u?fixed|u?int)\s*<([^>]*)>\s*$/.exec(s);
  if (!m) return parseType(s);
  const args = m[2]!.split(',').map((a) => a.trim());
  const modes = args.slice(2, 4).map((a) => MODE_OF.get(a) ?? a);
  return parseType(`${m[1]}<${[...args.slice(0, 2), ...modes, ...args.slice(4)].join(',')}>`);
}
