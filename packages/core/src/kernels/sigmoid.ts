/**
 * Sigmoid, table-based. The table is part of our contract: the HLS backend emits these exact raws
 * as a constant array and the C++ kernel only indexes it.
 *
 * Table (size T = 2^t, a power of two, default 1024; entry type default ap_ufixed<16,0,AP_RND,AP_SAT>):
 *   entry[i] = quantizeNumber(1 / (1 + exp(-x_i)), tableType), x_i = -8 + 16*i/T, i = 0..T-1
 *   (computed once in float64 by Math.exp and rounded by the table type's own Q/O).
 * Index of an input raw r with F fraction bits (x = r * 2^-F), exactly floor((x + 8) * T/16):
 *   index = T/2 + floor(r * 2^(t-4-F))   [C++: T/2 + (r >> (F+4-t)), or r << (t-4-F) when F+4-t < 0,
 *                                          on an integer wide enough for r's shifted value]
 *   clamped to [0, T-1]; so inputs below -8 read entry 0 and inputs >= 8 read entry T-1.
 * Result: res = entry[index] converted from the table type to the result type (identical types copy).
 */
import { SparsePixelsError } from '../errors';
import { apUfixed, fracBits, quantizeNumber } from '../fixed';
import type { FixedType } from '../fixed';
import type {
  ActivationFixedOptions,
  ActivationKernel,
  ActivationTypes,
  FixedActivation,
} from './activation-kernel';
import { checkLength } from './kernel-checks';
import { checkNumberType, rawConverter, rawConverterBig } from './raw-cast';
import { clampIndex, clampIndexBig, log2Exact, shiftFloor, shiftFloorBig } from './table-index';

export interface SigmoidTableConfig {
  readonly tableSize: number;
  readonly tableType: FixedType;
}

export interface SigmoidTable {
  readonly config: SigmoidTableConfig;
  /** T raws of config.tableType. */
  readonly raw: Float64Array;
}

/** The v1 table size, and the smallest size tableSizeForInput chooses. */
export const DEFAULT_TABLE_SIZE = 1024;

/** The largest table size chosen from an input type (2^16 entries). */
export const MAX_INFERRED_TABLE_SIZE = 65536;

/**
 * The v2 table size for an input type with F fraction bits (docs/semantics.md, tables): one entry
 * per representable input in the 16-wide table range, 2^(F+4), but never fewer than 1024 (the v1
 * size) nor more than 2^16.
 */
export function tableSizeForInput(input: FixedType): number {
  const f = fracBits(input);
  return 2 ** Math.min(16, Math.max(10, f + 4));
}
export const DEFAULT_SIGMOID_TABLE_TYPE: FixedType = apUfixed(16, 0, 'AP_RND', 'AP_SAT');

export function checkTableSize(size: number, what: string, where?: string): number {
  const t = log2Exact(size);
  if (t === undefined) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `${what} size ${size} is not allowed; expected a power of two 2..2^24`,
      where,
    );
  }
  return t;
}

export function sigmoidTable(config: Partial<SigmoidTableConfig> = {}): SigmoidTable {
  const tableSize = config.tableSize ?? DEFAULT_TABLE_SIZE;
  const tableType = config.tableType ?? DEFAULT_SIGMOID_TABLE_TYPE;
  checkTableSize(tableSize, 'sigmoid table');
  checkNumberType(tableType, 'sigmoid table');
  const raw = new Float64Array(tableSize);
  for (let i = 0; i < tableSize; i++) {
    const x = -8 + (16 * i) / tableSize;
    raw[i] = quantizeNumber(1 / (1 + Math.exp(-x)), tableType);
  }
  return { config: { tableSize, tableType }, raw };
}

export interface SigmoidFixedTypes extends ActivationTypes {
  readonly table: SigmoidTable;
}

function sigmoidRows(o: SigmoidFixedTypes): FixedActivation {
  const { tableSize, tableType } = o.table.config;
  const shift = (log2Exact(tableSize) as number) - 4 - fracBits(o.input);
  const half = tableSize / 2;
  const toResult = rawConverter(tableType, o.result);
  const toResultBig = rawConverterBig(tableType, o.result);
  const table = o.table.raw;
  return {
    run(x, out, start, len) {
      checkNumberType(o.input, 'sigmoid input');
      checkNumberType(o.result, 'sigmoid result');
      for (let k = start; k < start + len; k++) {
        out[k] = toResult(table[clampIndex(half + shiftFloor(x[k] as number, shift), tableSize)] as number);
      }
    },
    runBig(x, out, start, len) {
      for (let k = start; k < start + len; k++) {
        const idx = clampIndexBig(BigInt(half) + shiftFloorBig(x[k] as bigint, shift), tableSize);
        out[k] = toResultBig(BigInt(table[idx] as number));
      }
    },
  };
}

export const sigmoidKernel: ActivationKernel = {
  name: 'sigmoid',
  float(x, out, start, len) {
    for (let k = start; k < start + len; k++) out[k] = 1 / (1 + Math.exp(-(x[k] as number)));
  },
  prepareFixed: (o: ActivationFixedOptions) =>
    sigmoidRows({ ...o, table: sigmoidTable({ tableSize: o.tableSize, tableType: o.table }) }),
};

export function sigmoidFloat(x: ArrayLike<number>, out = new Float64Array(x.length)): Float64Array {
  checkLength(out, x.length, 'sigmoid output');
  sigmoidKernel.float(x, out, 0, x.length);
  return out;
}

/** Number raws (types up to 53 bits). */
export function sigmoidFixed(
  x: ArrayLike<number>,
  types: SigmoidFixedTypes,
  out = new Float64Array(x.length),
): Float64Array {
  checkLength(out, x.length, 'sigmoid output');
  sigmoidRows(types).run(x, out, 0, x.length);
  return out;
}

/** Bigint raws (any declared width up to 64 bits). */
export function sigmoidFixedBig(
  x: ArrayLike<bigint>,
  types: SigmoidFixedTypes,
  out = new Array<bigint>(x.length),
): bigint[] {
  checkLength(out, x.length, 'sigmoid output');
  sigmoidRows(types).runBig(x, out, 0, x.length);
  return out;
}
