/**
 * The softmax tables and their configuration; the scheme that reads them is in softmax.ts. Like the
 * sigmoid table, these raws are our contract: the HLS backend emits them as constant arrays.
 *
 *   exp[i] = quantizeNumber(exp(-i * expRange / E), expType),            i = 0..E-1
 *   inv[j] = quantizeNumber(1 / (max(j, 1) * invRange / V), invType),     j = 0..V-1
 *
 * E = expTableSize and V = invTableSize are powers of two; expRange and invRange are powers of two
 * (possibly fractional, e.g. 0.5). Values come from Math.exp / division in float64, rounded once by
 * the table type's own Q/O.
 */
import { SparsePixelsError } from '../errors';
import { apUfixed, quantizeNumber } from '../fixed';
import type { FixedType } from '../fixed';
import { checkNumberType } from './raw-cast';
import { DEFAULT_TABLE_SIZE, checkTableSize } from './sigmoid';

export interface SoftmaxConfig {
  /** E entries; differences d = x - max in (-expRange, 0] map to entries by floor(-d * E / expRange). */
  readonly expTableSize: number;
  readonly expRange: number;
  readonly expType: FixedType;
  /** The type the E-table values are summed in (one cast per step). */
  readonly sumType: FixedType;
  /** V entries; sums s in [0, invRange) map to entries by floor(s * V / invRange). */
  readonly invTableSize: number;
  readonly invRange: number;
  readonly invType: FixedType;
}

export interface SoftmaxTables {
  readonly config: SoftmaxConfig;
  /** E raws of expType. */
  readonly exp: Float64Array;
  /** V raws of invType. */
  readonly inv: Float64Array;
}

/**
 * Defaults for rows of n values: 1024-entry tables, exp over differences down to -16, 16 fraction
 * bits everywhere, sum type ap_ufixed<17+b,1+b> with b = ceil(log2 n) (holds n exactly), reciprocal
 * table over sums [0, 2^(b+1)) (every sum of n values in (0, 1] lies there).
 */
export function defaultSoftmaxConfig(n: number, overrides: Partial<SoftmaxConfig> = {}): SoftmaxConfig {
  const b = Math.max(0, Math.ceil(Math.log2(n)));
  return {
    expTableSize: DEFAULT_TABLE_SIZE,
    expRange: 16,
    expType: apUfixed(17, 1, 'AP_RND', 'AP_SAT'),
    sumType: apUfixed(17 + b, 1 + b, 'AP_TRN', 'AP_SAT'),
    invTableSize: DEFAULT_TABLE_SIZE,
    invRange: 2 ** (b + 1),
    invType: apUfixed(17, 1, 'AP_RND', 'AP_SAT'),
    ...overrides,
  };
}

/** log2 of a power-of-two range (2^-60 .. 2^60). */
export function rangeLog2(range: number, what: string): number {
  const e = Math.round(Math.log2(range));
  if (!(range > 0) || 2 ** e !== range || Math.abs(e) > 60) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `${what} ${range} is not allowed; expected a power of two (e.g. 8, 16, 0.5)`,
    );
  }
  return e;
}

export function checkSoftmaxConfig(c: SoftmaxConfig): void {
  checkTableSize(c.expTableSize, 'softmax exp table');
  checkTableSize(c.invTableSize, 'softmax reciprocal table');
  rangeLog2(c.expRange, 'softmax expRange');
  rangeLog2(c.invRange, 'softmax invRange');
  checkNumberType(c.expType, 'softmax exp table');
  checkNumberType(c.invType, 'softmax reciprocal table');
}

export function softmaxTables(config: SoftmaxConfig): SoftmaxTables {
  checkSoftmaxConfig(config);
  const { expTableSize: e, expRange, invTableSize: v, invRange } = config;
  const exp = new Float64Array(e);
  for (let i = 0; i < e; i++) exp[i] = quantizeNumber(Math.exp((-i * expRange) / e), config.expType);
  const inv = new Float64Array(v);
  for (let j = 0; j < v; j++) inv[j] = quantizeNumber(1 / ((Math.max(j, 1) * invRange) / v), config.invType);
  return { config, exp, inv };
}
