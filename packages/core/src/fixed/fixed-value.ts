import { SparsePixelsError } from '../errors';
import type { FixedType } from './fixed-type';
import { formatType } from './format-type';
import { rawMaxBig, rawMinBig } from './type-range';

/**
 * A value of an ap type: its type and its raw integer (the W-bit pattern read signed or unsigned),
 * so the real value is `raw * 2^-(W - I)`. Immutable; the constructor checks the raw is in range.
 */
export class FixedValue {
  constructor(
    readonly type: FixedType,
    readonly raw: bigint,
  ) {
    if (raw < rawMinBig(type) || raw > rawMaxBig(type)) {
      throw new SparsePixelsError(
        'SP_FIXED_RAW',
        `raw ${raw} is out of range for ${formatType(type)}: allowed ${rawMinBig(type)}..${rawMaxBig(type)}`,
      );
    }
  }
}

/** The value of t whose raw pattern is `raw` (a bigint or an integer number), checked for range. */
export function fromRaw(raw: bigint | number, t: FixedType): FixedValue {
  if (typeof raw === 'number' && !Number.isSafeInteger(raw)) {
    throw new SparsePixelsError(
      'SP_FIXED_RAW',
      `raw ${raw} for ${formatType(t)} is not a safe integer: raws are integers (pass a bigint beyond 2^53)`,
    );
  }
  return new FixedValue(t, BigInt(raw));
}
