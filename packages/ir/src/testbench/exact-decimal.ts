import { SparsePixelsError } from '@sparsepixels/core';

/**
 * Exact decimal text of the fixed-point value `raw * 2^-frac` (the value of a raw integer with
 * `frac` fractional bits; `frac` may be negative). Every binary fraction has a finite decimal
 * expansion, so the text is exact: `-1.25`, `0.0078125`, `96`. No exponent, no trailing zeros.
 */
export function rawToExactDecimal(raw: bigint, frac: number): string {
  if (frac <= 0) return (raw << BigInt(-frac)).toString();
  const negative = raw < 0n;
  const magnitude = negative ? -raw : raw;
  // raw / 2^frac = raw * 5^frac / 10^frac
  const scaled = (magnitude * 5n ** BigInt(frac)).toString().padStart(frac + 1, '0');
  const intPart = scaled.slice(0, scaled.length - frac);
  const fracPart = scaled.slice(scaled.length - frac).replace(/0+$/, '');
  const text = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && text !== '0' ? `-${text}` : text;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Inverse of rawToExactDecimal: the raw integer with `frac` fractional bits whose value is exactly
 * the decimal `text`. Throws SP_CSIM_VALUE if the text is not a plain decimal or not on that grid.
 */
export function exactDecimalToRaw(text: string, frac: number, where?: string): bigint {
  const m = DECIMAL.exec(text);
  if (!m) {
    throw new SparsePixelsError(
      'SP_CSIM_VALUE',
      `"${text}" is not a plain decimal number (expected e.g. -1.25)`,
      where,
    );
  }
  const digits = m[3] ?? '';
  let num = BigInt(m[2] + digits);
  if (m[1] === '-') num = -num;
  // value = num / 10^k; raw = value * 2^frac must be an integer.
  const k = digits.length;
  const numer = num * 2n ** BigInt(Math.max(frac, 0));
  const denom = 10n ** BigInt(k) * 2n ** BigInt(Math.max(-frac, 0));
  if (numer % denom !== 0n) {
    throw new SparsePixelsError(
      'SP_CSIM_VALUE',
      `"${text}" is not a multiple of 2^${-frac} (the output type has ${frac} fractional bits)`,
      where,
    );
  }
  return numer / denom;
}
