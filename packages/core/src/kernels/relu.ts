/** ReLU: res = x > 0 ? x : 0; the bit-exact form converts x to the result type (identical types copy). */
import type { ActivationKernel, ActivationTypes, FixedActivation } from './activation-kernel';
import { checkLength } from './kernel-checks';
import { checkNumberType, rawConverter, rawConverterBig } from './raw-cast';

function reluRows(types: ActivationTypes): FixedActivation {
  const toResult = rawConverter(types.input, types.result);
  const toResultBig = rawConverterBig(types.input, types.result);
  return {
    run(x, out, start, len) {
      checkNumberType(types.input, 'ReLU input');
      checkNumberType(types.result, 'ReLU result');
      for (let k = start; k < start + len; k++) {
        const v = x[k] as number;
        out[k] = v > 0 ? toResult(v) : 0;
      }
    },
    runBig(x, out, start, len) {
      for (let k = start; k < start + len; k++) {
        const v = x[k] as bigint;
        out[k] = v > 0n ? toResultBig(v) : 0n;
      }
    },
  };
}

export const reluKernel: ActivationKernel = {
  name: 'relu',
  float(x, out, start, len) {
    for (let k = start; k < start + len; k++) {
      const v = x[k] as number;
      out[k] = v > 0 ? v : 0;
    }
  },
  prepareFixed: (o) => reluRows(o),
};

export function reluFloat(x: ArrayLike<number>, out = new Float64Array(x.length)): Float64Array {
  checkLength(out, x.length, 'ReLU output');
  reluKernel.float(x, out, 0, x.length);
  return out;
}

/** Number raws (types up to 53 bits). */
export function reluFixed(
  x: ArrayLike<number>,
  types: ActivationTypes,
  out = new Float64Array(x.length),
): Float64Array {
  checkLength(out, x.length, 'ReLU output');
  reluKernel.prepareFixed(types).run(x, out, 0, x.length);
  return out;
}

/** Bigint raws (any declared width up to 64 bits). */
export function reluFixedBig(
  x: ArrayLike<bigint>,
  types: ActivationTypes,
  out = new Array<bigint>(x.length),
): bigint[] {
  checkLength(out, x.length, 'ReLU output');
  reluRows(types).runBig(x, out, 0, x.length);
  return out;
}
