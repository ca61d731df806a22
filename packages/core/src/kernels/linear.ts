/** Linear (identity): res = x; the bit-exact form converts x to the result type (identical types copy). */
import type { ActivationKernel, ActivationTypes, FixedActivation } from './activation-kernel';
import { checkLength } from './kernel-checks';
import { checkNumberType, rawConverter, rawConverterBig } from './raw-cast';

function linearRows(types: ActivationTypes): FixedActivation {
  const toResult = rawConverter(types.input, types.result);
  const toResultBig = rawConverterBig(types.input, types.result);
  return {
    run(x, out, start, len) {
      checkNumberType(types.input, 'linear activation input');
      checkNumberType(types.result, 'linear activation result');
      for (let k = start; k < start + len; k++) out[k] = toResult(x[k] as number);
    },
    runBig(x, out, start, len) {
      for (let k = start; k < start + len; k++) out[k] = toResultBig(x[k] as bigint);
    },
  };
}

export const linearKernel: ActivationKernel = {
  name: 'linear',
  float(x, out, start, len) {
    for (let k = start; k < start + len; k++) out[k] = x[k] as number;
  },
  prepareFixed: (o) => linearRows(o),
};

export function linearFloat(x: ArrayLike<number>, out = new Float64Array(x.length)): Float64Array {
  checkLength(out, x.length, 'linear activation output');
  linearKernel.float(x, out, 0, x.length);
  return out;
}

/** Number raws (types up to 53 bits). */
export function linearFixed(
  x: ArrayLike<number>,
  types: ActivationTypes,
  out = new Float64Array(x.length),
): Float64Array {
  checkLength(out, x.length, 'linear activation output');
  linearKernel.prepareFixed(types).run(x, out, 0, x.length);
  return out;
}

/** Bigint raws (any declared width up to 64 bits). */
export function linearFixedBig(
  x: ArrayLike<bigint>,
  types: ActivationTypes,
  out = new Array<bigint>(x.length),
): bigint[] {
  checkLength(out, x.length, 'linear activation output');
  linearRows(types).runBig(x, out, 0, x.length);
  return out;
}
