import type { FixedType } from './fixed-type';
import { typeFamilyName } from './type-constructors';

function hasDefaultModes(t: FixedType): boolean {
  return t.quant === 'AP_TRN' && t.overflow === 'AP_WRAP' && t.satBits === 0;
}

/**
 * Canonical C++ spelling: `ap_int<8>`, `ap_fixed<16,6>` when the modes are the defaults, otherwise
 * `ap_fixed<16,6,AP_RND_CONV,AP_SAT>` with N appended only when non-zero. Parses back with parseType.
 */
export function formatType(t: FixedType): string {
  const family = typeFamilyName(t);
  if (t.kind === 'int') return `${family}<${t.width}>`;
  if (hasDefaultModes(t)) return `${family}<${t.width},${t.integer}>`;
  const n = t.satBits === 0 ? '' : `,${t.satBits}`;
  return `${family}<${t.width},${t.integer},${t.quant},${t.overflow}${n}>`;
}

/** hls4ml's precision spelling: `fixed<16,6,RND_CONV,SAT,0>`, `ufixed<8,1,TRN,WRAP,0>`, `int<8>`, `uint<8>`. */
export function formatHls4mlType(t: FixedType): string {
  const u = t.signed ? '' : 'u';
  if (t.kind === 'int') return `${u}int<${t.width}>`;
  const q = t.quant.slice('AP_'.length);
  const o = t.overflow.slice('AP_'.length);
  return `${u}fixed<${t.width},${t.integer},${q},${o},${t.satBits}>`;
}

/** A string identifying the type completely (every field), usable as a Map key. */
export function typeKey(t: FixedType): string {
  const family = typeFamilyName(t);
  if (t.kind === 'int') return `${family}<${t.width}>`;
  return `${family}<${t.width},${t.integer},${t.quant},${t.overflow},${t.satBits}>`;
}

/** True when the two types are identical in every field (so assignment between them copies bits). */
export function sameType(a: FixedType, b: FixedType): boolean {
  return (
    a.kind === b.kind &&
    a.signed === b.signed &&
    a.width === b.width &&
    a.integer === b.integer &&
    a.quant === b.quant &&
    a.overflow === b.overflow &&
    a.satBits === b.satBits
  );
}
