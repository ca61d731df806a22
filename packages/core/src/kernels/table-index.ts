/**
 * floor(raw * 2^shift) for an integer raw, exactly, as the C++ kernels compute it with integer
 * shifts (`raw << shift`, or an arithmetic `raw >> -shift`, which floors). Callers clamp.
 */
export function shiftFloor(raw: number, shift: number): number {
  if (raw === 0) return 0;
  if (shift >= 0) return raw * 2 ** shift;
  // Beyond 2^-53 an |raw| <= 2^53 integer floors to 0 or -1; avoid subnormal scaling.
  if (shift < -60) return raw < 0 ? -1 : 0;
  return Math.floor(raw / 2 ** -shift);
}

export function shiftFloorBig(raw: bigint, shift: number): bigint {
  return shift >= 0 ? raw << BigInt(shift) : raw >> BigInt(-shift);
}

export function clampIndex(i: number, size: number): number {
  return i < 0 ? 0 : i > size - 1 ? size - 1 : i;
}

export function clampIndexBig(i: bigint, size: number): number {
  return i < 0n ? 0 : i > BigInt(size - 1) ? size - 1 : Number(i);
}

/** log2 of a power of two >= 2, or undefined. */
export function log2Exact(size: number): number | undefined {
  if (!Number.isInteger(size) || size < 2 || size > 2 ** 24) return undefined;
  const e = Math.round(Math.log2(size));
  return 2 ** e === size ? e : undefined;
}
