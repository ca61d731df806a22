import { SparsePixelsError } from '../errors';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType, type OverflowMode, type QuantMode } from './fixed-type';

/** Declared types (what a user, a model or a firmware variable names) hold 1..64 bits. */
export const MAX_DECLARED_WIDTH = 64;
/** Bound on |I|; the reference allows any integer, this keeps shifts and bigints sane. */
export const MAX_ABS_INTEGER_BITS = 1024;

function kindName(kind: FixedType['kind'], signed: boolean): string {
  if (kind === 'int') return signed ? 'ap_int' : 'ap_uint';
  return signed ? 'ap_fixed' : 'ap_ufixed';
}

function checkWidth(width: number, name: string): void {
  if (!Number.isInteger(width) || width < 1 || width > MAX_DECLARED_WIDTH) {
    throw new SparsePixelsError(
      'SP_TYPE_WIDTH',
      `${name} width ${width} is out of range: declared widths must be integers 1..${MAX_DECLARED_WIDTH}`,
    );
  }
}

function checkFixedParams(name: string, t: FixedType): void {
  const { integer, quant, overflow, satBits, width } = t;
  if (!Number.isInteger(integer) || Math.abs(integer) > MAX_ABS_INTEGER_BITS) {
    throw new SparsePixelsError(
      'SP_TYPE_INTEGER_BITS',
      `${name} integer bits ${integer} is out of range: allowed integers -${MAX_ABS_INTEGER_BITS}..${MAX_ABS_INTEGER_BITS}`,
    );
  }
  if (!(QUANT_MODES as readonly string[]).includes(quant)) {
    throw new SparsePixelsError(
      'SP_TYPE_MODE',
      `${name} quantization mode "${quant}" is unknown: allowed ${QUANT_MODES.join(', ')}`,
    );
  }
  if (!(OVERFLOW_MODES as readonly string[]).includes(overflow)) {
    throw new SparsePixelsError(
      'SP_TYPE_MODE',
      `${name} overflow mode "${overflow}" is unknown: allowed ${OVERFLOW_MODES.join(', ')}`,
    );
  }
  if (!Number.isInteger(satBits) || satBits < 0 || satBits > width) {
    throw new SparsePixelsError(
      'SP_TYPE_SAT_BITS',
      `${name} saturation bits N=${satBits} is out of range: allowed integers 0..${width} (the width)`,
    );
  }
  if (overflow === 'AP_WRAP_SM' && !t.signed) {
    throw new SparsePixelsError(
      'SP_TYPE_MODE',
      `${name} cannot use AP_WRAP_SM: sign-magnitude wrapping needs a signed type (use ap_fixed)`,
    );
  }
}

/**
 * Internal constructor without the declared-width check: operator result types (sums, products)
 * may be wider than 64 bits. Callers guarantee the parameters are valid.
 */
export function operatorType(
  kind: FixedType['kind'],
  signed: boolean,
  width: number,
  integer: number,
): FixedType {
  return Object.freeze({
    kind,
    signed,
    width,
    integer: kind === 'int' ? width : integer,
    quant: 'AP_TRN',
    overflow: 'AP_WRAP',
    satBits: 0,
  });
}

function declaredFixed(
  signed: boolean,
  width: number,
  integer: number,
  quant: QuantMode,
  overflow: OverflowMode,
  satBits: number,
): FixedType {
  const name = kindName('fixed', signed);
  checkWidth(width, name);
  const t: FixedType = Object.freeze({ kind: 'fixed', signed, width, integer, quant, overflow, satBits });
  checkFixedParams(name, t);
  return t;
}

/** `ap_fixed<W, I, Q, O, N>`: signed fixed point, I integer bits including the sign bit. */
export function apFixed(
  width: number,
  integer: number,
  quant: QuantMode = 'AP_TRN',
  overflow: OverflowMode = 'AP_WRAP',
  satBits = 0,
): FixedType {
  return declaredFixed(true, width, integer, quant, overflow, satBits);
}

/** `ap_ufixed<W, I, Q, O, N>`: unsigned fixed point (AP_WRAP_SM is rejected). */
export function apUfixed(
  width: number,
  integer: number,
  quant: QuantMode = 'AP_TRN',
  overflow: OverflowMode = 'AP_WRAP',
  satBits = 0,
): FixedType {
  return declaredFixed(false, width, integer, quant, overflow, satBits);
}

/** `ap_int<W>`: signed W-bit integer (behaves as `<W, W, signed>` next to fixed operands). */
export function apInt(width: number): FixedType {
  checkWidth(width, 'ap_int');
  return operatorType('int', true, width, width);
}

/** `ap_uint<W>`: unsigned W-bit integer. */
export function apUint(width: number): FixedType {
  checkWidth(width, 'ap_uint');
  return operatorType('int', false, width, width);
}

/** The C++ spelling of the type family: ap_fixed, ap_ufixed, ap_int or ap_uint. */
export function typeFamilyName(t: FixedType): string {
  return kindName(t.kind, t.signed);
}
