import type { QuantMode } from './fixed-type';

/**
 * Quantization (docs/semantics.md#quantization): the raw `r` with d more fractional bits than the destination
 * is reduced to destination LSBs. d <= 0 is exact (`r * 2^-d`). The decision uses the exact r.
 */
export function quantizeBig(r: bigint, d: number, mode: QuantMode): bigint {
  if (d <= 0) return d === 0 ? r : r << BigInt(-d);
  const bd = BigInt(d);
  const fl = r >> bd; // floor: BigInt >> is an arithmetic shift
  if (mode === 'AP_TRN') return fl;
  const rem = r - (fl << bd); // 0 <= rem < 2^d
  if (rem === 0n) return fl;
  const h = 1n << (bd - 1n);
  return roundUp(mode, rem, h, r < 0n, fl) ? fl + 1n : fl;
}

/** Whether the floor must be incremented, for a non-zero remainder `rem` against the half LSB `h`. */
function roundUp(mode: QuantMode, rem: bigint, h: bigint, negative: boolean, fl: bigint): boolean {
  switch (mode) {
    case 'AP_TRN':
      return false;
    case 'AP_TRN_ZERO':
      return negative;
    case 'AP_RND':
      return rem >= h;
    case 'AP_RND_ZERO':
      return rem > h || (rem === h && negative);
    case 'AP_RND_MIN_INF':
      return rem > h;
    case 'AP_RND_INF':
      return rem > h || (rem === h && !negative);
    case 'AP_RND_CONV':
      return rem > h || (rem === h && (fl & 1n) === 1n);
  }
}
