/**
 * Softmax over a row of n values, table-based with integer operations only, so the C++ kernel
 * replicates it bit for bit (tables and config in softmax-tables.ts). With x the input raws
 * (F_x fraction bits), E = 2^e, V = 2^v, expRange = 2^p, invRange = 2^q:
 *  1. m = the largest raw of the row.
 *  2. For k ascending: d_k = m - x_k (an exact non-negative integer);
 *     i_k = min(E-1, floor(d_k * 2^(e-p-F_x)))      [C++: d >> (F_x+p-e), or d << (e-p-F_x)]
 *     y_k = exp[i_k]                                  (a raw of expType)
 *     sum += y_k   (sum of sumType, starting at 0: exact sum, one cast per step into sumType)
 *  3. j = floor(sum_raw * 2^(v-q-F_sum)) clamped to [0, V-1]; r = inv[j] (a raw of invType).
 *  4. out_k = y_k * r, the exact product cast once to the result type.
 * Float form: the exact softmax exp(x_k - max) / sum in float64.
 */
import { addType, castRaw, castRawBig, fracBits } from '../fixed';
import type {
  ActivationFixedOptions,
  ActivationKernel,
  ActivationTypes,
  FixedActivation,
} from './activation-kernel';
import { checkLength } from './kernel-checks';
import { checkNumberType, MAX_NUMBER_WIDTH, rawRange } from './raw-cast';
import {
  checkSoftmaxConfig,
  defaultSoftmaxConfig,
  rangeLog2,
  softmaxTables,
  type SoftmaxTables,
} from './softmax-tables';
import { clampIndex, clampIndexBig, log2Exact, shiftFloor, shiftFloorBig } from './table-index';

export interface SoftmaxFixedTypes extends ActivationTypes {
  readonly tables: SoftmaxTables;
}

interface SoftmaxConstants {
  readonly expShift: number;
  readonly invShift: number;
  readonly frac: number;
  readonly sumScale: number;
  readonly expScale: number;
  readonly sumWidth: number;
  readonly outFrac: number;
  readonly outWidth: number;
  /** Every intermediate of the number form is within 2^53. */
  readonly fitsNumber: boolean;
}

function constants(o: SoftmaxFixedTypes): SoftmaxConstants {
  const c = o.tables.config;
  checkSoftmaxConfig(c);
  const [fs, fe] = [fracBits(c.sumType), fracBits(c.expType)];
  const frac = Math.max(fs, fe);
  const maxOf = (t: typeof c.sumType) =>
    Number(rawRange(t).hi > -rawRange(t).lo ? rawRange(t).hi : -rawRange(t).lo);
  const sumScale = 2 ** (frac - fs);
  const expScale = 2 ** (frac - fe);
  const limit = 2 ** 53;
  return {
    expShift:
      (log2Exact(c.expTableSize) as number) - rangeLog2(c.expRange, 'softmax expRange') - fracBits(o.input),
    invShift: (log2Exact(c.invTableSize) as number) - rangeLog2(c.invRange, 'softmax invRange') - fs,
    frac,
    sumScale,
    expScale,
    sumWidth: addType(c.sumType, c.expType).width,
    outFrac: fe + fracBits(c.invType),
    outWidth: c.expType.width + c.invType.width,
    fitsNumber:
      c.sumType.width <= MAX_NUMBER_WIDTH &&
      maxOf(c.sumType) * sumScale + maxOf(c.expType) * expScale <= limit &&
      maxOf(c.expType) * maxOf(c.invType) <= limit,
  };
}

function softmaxRows(o: SoftmaxFixedTypes): FixedActivation {
  const k = constants(o);
  const { exp, inv, config } = o.tables;
  const { sumType, expTableSize: e, invTableSize: v } = config;
  const rows: FixedActivation = {
    run(x, out, start, len) {
      checkNumberType(o.input, 'softmax input');
      checkNumberType(o.result, 'softmax result');
      if (!k.fitsNumber) {
        const big = new Array<bigint>(x.length).fill(0n);
        rows.runBig(Array.from(x, BigInt), big, start, len);
        for (let i = start; i < start + len; i++) out[i] = Number(big[i]);
        return;
      }
      let m = x[start] as number;
      for (let i = start + 1; i < start + len; i++) m = Math.max(m, x[i] as number);
      let sum = 0;
      for (let i = start; i < start + len; i++) {
        const y = exp[Math.min(e - 1, shiftFloor(m - (x[i] as number), k.expShift))] as number;
        out[i] = y;
        sum = castRaw(sum * k.sumScale + y * k.expScale, k.frac, sumType, k.sumWidth);
      }
      const r = inv[clampIndex(shiftFloor(sum, k.invShift), v)] as number;
      for (let i = start; i < start + len; i++)
        out[i] = castRaw((out[i] as number) * r, k.outFrac, o.result, k.outWidth);
    },
    runBig(x, out, start, len) {
      let m = x[start] as bigint;
      for (let i = start + 1; i < start + len; i++) if ((x[i] as bigint) > m) m = x[i] as bigint;
      const [sumScale, expScale] = [
        1n << BigInt(k.frac - fracBits(sumType)),
        1n << BigInt(k.frac - fracBits(config.expType)),
      ];
      let sum = 0n;
      for (let i = start; i < start + len; i++) {
        const y = BigInt(exp[clampIndexBig(shiftFloorBig(m - (x[i] as bigint), k.expShift), e)] as number);
        out[i] = y;
        sum = castRawBig(sum * sumScale + y * expScale, k.frac, sumType, k.sumWidth);
      }
      const r = BigInt(inv[clampIndexBig(shiftFloorBig(sum, k.invShift), v)] as number);
      for (let i = start; i < start + len; i++)
        out[i] = castRawBig((out[i] as bigint) * r, k.outFrac, o.result, k.outWidth);
    },
  };
  return rows;
}

export const softmaxKernel: ActivationKernel = {
  name: 'softmax',
  float(x, out, start, len) {
    let m = -Infinity;
    for (let i = start; i < start + len; i++) m = Math.max(m, x[i] as number);
    let sum = 0;
    for (let i = start; i < start + len; i++) {
      out[i] = Math.exp((x[i] as number) - m);
      sum += out[i] as number;
    }
    for (let i = start; i < start + len; i++) out[i] = (out[i] as number) / sum;
  },
  prepareFixed: (o: ActivationFixedOptions) => {
    const n = o.rowLength ?? 1;
    const overrides = {
      ...(o.table && { expType: o.table, invType: o.table }),
      ...(o.accum && { sumType: o.accum }),
      ...(o.tableSize !== undefined && { expTableSize: o.tableSize, invTableSize: o.tableSize }),
    };
    return softmaxRows({ ...o, tables: softmaxTables(defaultSoftmaxConfig(n, overrides)) });
  },
};

export function softmaxFloat(x: ArrayLike<number>, out = new Float64Array(x.length)): Float64Array {
  checkLength(out, x.length, 'softmax output');
  if (x.length > 0) softmaxKernel.float(x, out, 0, x.length);
  return out;
}

/** Number raws (types up to 53 bits); one row = the whole vector. */
export function softmaxFixed(
  x: ArrayLike<number>,
  types: SoftmaxFixedTypes,
  out = new Float64Array(x.length),
): Float64Array {
  checkLength(out, x.length, 'softmax output');
  if (x.length > 0) softmaxRows(types).run(x, out, 0, x.length);
  return out;
}

/** Bigint raws (any declared width up to 64 bits). */
export function softmaxFixedBig(
  x: ArrayLike<bigint>,
  types: SoftmaxFixedTypes,
  out = new Array<bigint>(x.length),
): bigint[] {
  checkLength(out, x.length, 'softmax output');
  if (x.length > 0) softmaxRows(types).runBig(x, out, 0, x.length);
  return out;
}
