import { fracBits, parseType, rawMax, type FixedType } from '@sparsepixels/core';
import type { Rng } from './prng';

/**
 * `count` random values exactly on the grid of `type`, with raws uniform in [-negative * m, m] for
 * m = `spread` times the type's largest raw (spread 1 = the whole range; negative = 1 symmetric,
 * smaller values skew positive so that ReLU networks stay active). Values are raw * 2^-F.
 */
export function randomGridValues(rng: Rng, count: number, type: FixedType | string, spread = 0.25, negative = 1): number[] {
  const t = typeof type === 'string' ? parseType(type) : type;
  const maxRaw = rawMax(t);
  const hi = Math.max(1, Math.floor(maxRaw * spread));
  const lo = t.signed ? -Math.floor(hi * negative) : 0;
  const scale = 2 ** -fracBits(t);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = rng.int(lo, hi) * scale;
  return out;
}
