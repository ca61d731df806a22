import type { FixedType } from './fixed-type';
import { checkNumberWidth } from './cast-raw';
import { quantizeNumberBig } from './from-number';
import { pow2 } from './pow2';
import { fastOverflow, quantizeScaled, wrapNumber } from './quantize-scaled';

const MIN_NORMAL = pow2(-1022);

/**
 * `fromNumber(x, t).raw` as a number (t.width <= 53), without allocation in the common case:
 * x and x·2^F normal doubles (so the scaling is exact) and a mode the number path handles.
 */
export function quantizeNumber(x: number, t: FixedType): number {
  if (x === 0) return 0;
  if (fastOverflow(t)) {
    const a = Math.abs(x);
    if (t.kind === 'int') {
      // §4.4 on an integer-valued double: sign · floor(|x|), wrapped (exact for any |x| >= 0.5).
      if (a >= 0.5 && a < Infinity)
        return wrapNumber(x < 0 ? -Math.floor(a) : Math.floor(a), t.width, t.signed);
    } else {
      const f = t.width - t.integer;
      if (f <= 1000 && f >= -1000 && a >= MIN_NORMAL) {
        const y = x * pow2(f);
        const ay = Math.abs(y);
        if (ay >= MIN_NORMAL && ay < Infinity) return quantizeScaled(y, t);
      }
    }
  }
  checkNumberWidth(t, 'quantizeNumber', 'quantizeNumberBig');
  return Number(quantizeNumberBig(x, t));
}
