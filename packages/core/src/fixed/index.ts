export { QUANT_MODES, OVERFLOW_MODES, fracBits } from './fixed-type';
export type { FixedType, QuantMode, OverflowMode } from './fixed-type';
export {
  apFixed,
  apUfixed,
  apInt,
  apUint,
  typeFamilyName,
  MAX_DECLARED_WIDTH,
  MAX_ABS_INTEGER_BITS,
} from './type-constructors';
export { parseType } from './parse-type';
export { formatType, formatHls4mlType, typeKey, sameType } from './format-type';
export { rawMinBig, rawMaxBig, rawMin, rawMax, fixedPointRange, wrapBig } from './type-range';
export { castRawBig } from './cast-raw-big';
export { castRaw, MAX_NUMBER_WIDTH } from './cast-raw';
export { quantizeNumber } from './quantize-number';
export { quantizeNumberBig, fromNumber } from './from-number';
export { rawToNumber, toNumber, toFloat32 } from './to-number';
export { FixedValue, fromRaw } from './fixed-value';
export { cast, fromBigInt } from './cast';
export { integerPart } from './integer-part';
export { addType, subType, mulType, divType, negType } from './result-types';
export { add, sub, mul, neg } from './arithmetic';
export { div } from './divide';
export { rem } from './remainder';
export { assign, accumulate, compoundAssign, increment, intOperandType } from './compound';
export type { CompoundOp } from './compound';
export { shl, shr } from './shift';
export { lt, le, gt, ge, eq, ne, compareValues } from './compare';
export { toDecimalString } from './to-decimal-string';
export { streamText, reduceToPrecision } from './stream-text';
export type { StreamState } from './stream-text';
