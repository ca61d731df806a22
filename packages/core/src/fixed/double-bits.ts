const VIEW = new DataView(new ArrayBuffer(8));

/** The fields of an IEEE-754 double: sign bit, 11-bit biased exponent, 52-bit fraction. */
export interface DoubleFields {
  readonly negative: boolean;
  readonly exponent: number;
  readonly fraction: bigint;
}

export function doubleFields(x: number): DoubleFields {
  VIEW.setFloat64(0, x);
  const hi = VIEW.getUint32(0);
  const lo = VIEW.getUint32(4);
  return {
    negative: hi >>> 31 === 1,
    exponent: (hi >>> 20) & 0x7ff,
    fraction: (BigInt(hi & 0xfffff) << 32n) | BigInt(lo),
  };
}

/** The double with the given fields (used by tests and by exact rounding checks). */
export function doubleFromFields(negative: boolean, exponent: number, fraction: bigint): number {
  VIEW.setUint32(0, ((negative ? 0x80000000 : 0) | (exponent << 20) | Number(fraction >> 32n)) >>> 0);
  VIEW.setUint32(4, Number(fraction & 0xffffffffn));
  return VIEW.getFloat64(0);
}
