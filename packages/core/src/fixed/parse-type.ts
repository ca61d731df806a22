import { SparsePixelsError } from '../errors';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType, type OverflowMode, type QuantMode } from './fixed-type';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

const TYPE_RE = /^\s*(ap_)?(fixed|ufixed|int|uint)\s*<([^<>]*)>\s*$/;
const INT_RE = /^[+-]?\d+$/;
const ACCEPTED =
  'ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>';

function syntaxError(s: string, what: string): SparsePixelsError {
  return new SparsePixelsError(
    'SP_TYPE_SYNTAX',
    `cannot parse type "${s}" (${what}): expected e.g. ${ACCEPTED}`,
  );
}

function parseIntArg(s: string, arg: string, name: string): number {
  if (!INT_RE.test(arg)) throw syntaxError(s, `${name} "${arg}" is not an integer`);
  return Number(arg);
}

function parseMode<M extends string>(s: string, arg: string, modes: readonly M[], what: string): M {
  const name = arg.startsWith('AP_') ? arg : `AP_${arg}`;
  const found = modes.find((m) => m === name);
  if (found === undefined) {
    throw new SparsePixelsError(
      'SP_TYPE_MODE',
      `unknown ${what} mode "${arg}" in type "${s}": allowed ${modes.join(', ')} (the AP_ prefix is optional)`,
    );
  }
  return found;
}

/**
 * Parses `ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>`, `ap_ufixed<8,1>`, `ap_int<8>`, `ap_uint<3>` and the
 * hls4ml spellings `fixed<8,3,TRN,WRAP,0>`, `ufixed<8,1>`, `int<8>`, `uint<8>` (modes with or
 * without `AP_`, whitespace tolerated). Declared widths must be 1..64.
 */
export function parseType(s: string): FixedType {
  const m = TYPE_RE.exec(s);
  if (!m) throw syntaxError(s, 'not of the form family<args>');
  const family = m[2] as 'fixed' | 'ufixed' | 'int' | 'uint';
  const args = (m[3] ?? '').split(',').map((a) => a.trim());
  if (family === 'int' || family === 'uint') {
    if (args.length !== 1) throw syntaxError(s, `an integer type takes 1 argument, got ${args.length}`);
    const width = parseIntArg(s, args[0] ?? '', 'width');
    return withSource(s, () => (family === 'int' ? apInt(width) : apUint(width)));
  }
  if (args.length < 2 || args.length > 5) {
    throw syntaxError(s, `a fixed type takes 2 to 5 arguments, got ${args.length}`);
  }
  const width = parseIntArg(s, args[0] ?? '', 'width');
  const integer = parseIntArg(s, args[1] ?? '', 'integer bits');
  const quant: QuantMode =
    args[2] === undefined ? 'AP_TRN' : parseMode(s, args[2], QUANT_MODES, 'quantization');
  const overflow: OverflowMode =
    args[3] === undefined ? 'AP_WRAP' : parseMode(s, args[3], OVERFLOW_MODES, 'overflow');
  const satBits = args[4] === undefined ? 0 : parseIntArg(s, args[4], 'saturation bits');
  const make = family === 'fixed' ? apFixed : apUfixed;
  return withSource(s, () => make(width, integer, quant, overflow, satBits));
}

/** Re-throws a constructor's range error with the parsed string named in it. */
function withSource(s: string, build: () => FixedType): FixedType {
  try {
    return build();
  } catch (e) {
    if (e instanceof SparsePixelsError) throw new SparsePixelsError(e.code, `${e.message} (in type "${s}")`);
    throw e;
  }
}
