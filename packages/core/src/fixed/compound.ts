import { add } from './arithmetic';
import { cast } from './cast';
import type { FixedType } from './fixed-type';
import { FixedValue } from './fixed-value';
import { integerPart } from './integer-part';
import { wrapBig } from './type-range';

/** `T x = v` / `x = v` (§7): the conversion of v into the target's type with its Q, O and N. */
export function assign(target: FixedType, v: FixedValue): FixedValue {
  return cast(v, target);
}

/**
 * `acc += v` (§7): the exact sum converted back into acc's type with acc's Q/O/N (the hls4ml
 * accumulation step). With an ap_int accumulator, v contributes its integer part (§4.5) and the
 * sum wraps to the accumulator's width.
 */
export function accumulate(acc: FixedValue, v: FixedValue): FixedValue {
  const t = acc.type;
  if (t.kind === 'int') return new FixedValue(t, wrapBig(acc.raw + integerPart(v), t.width, t.signed));
  return cast(add(acc, v), t);
}
