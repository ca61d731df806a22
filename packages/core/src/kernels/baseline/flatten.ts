/**
 * Standard Flatten of the baseline CNN: a dense (h, w, c) row-major tensor is already its flattened
 * vector, so the float form copies; the bit-exact form converts to the result type (a copy when the
 * types are identical, as `res = x` is in C++).
 */
import type { FixedType } from '../../fixed';
import { checkLength } from '../kernel-checks';
import { checkNumberType, rawConverter, rawConverterBig } from '../raw-cast';

export interface FlattenFixedTypes {
  readonly input: FixedType;
  readonly result: FixedType;
}

export function flattenFloat(x: ArrayLike<number>, out?: Float64Array): Float64Array {
  if (out !== undefined) checkLength(out, x.length, 'Flatten output');
  const res = out ?? new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) res[i] = x[i] as number;
  return res;
}

/** Number raws (types up to 53 bits). */
export function flattenFixed(
  x: ArrayLike<number>,
  types: FlattenFixedTypes,
  out?: Float64Array,
): Float64Array {
  checkNumberType(types.input, 'Flatten input');
  checkNumberType(types.result, 'Flatten result');
  if (out !== undefined) checkLength(out, x.length, 'Flatten output');
  const convert = rawConverter(types.input, types.result);
  const res = out ?? new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) res[i] = convert(x[i] as number);
  return res;
}

/** Bigint raws (any declared width up to 64 bits). */
export function flattenFixedBig(x: ArrayLike<bigint>, types: FlattenFixedTypes, out?: bigint[]): bigint[] {
  if (out !== undefined) checkLength(out, x.length, 'Flatten output');
  const convert = rawConverterBig(types.input, types.result);
  const res = out ?? new Array<bigint>(x.length);
  for (let i = 0; i < x.length; i++) res[i] = convert(x[i] as bigint);
  return res;
}
