/**
 * The published per-layer sweeps (scaling_instances.csv: every instance of every sweep design)
 * turned into law parameters and measured metrics. Column meanings: the data README of the sweeps
 * (packages/estimate/test/fixtures/README.md). Sweep types are signed ap_fixed<b,...> with
 * wrap-around for data, weights and outputs, so the sweep accumulators are `b` bits wide and wrap.
 */
import { cell, type CsvRow } from './csv';
import type { ConvParams, EltParams, FlattenParams, PoolParams, ReduceParams } from '../laws/specs';

export type Metric = 'lut' | 'ff' | 'dsp' | 'bram18' | 'latency' | 'ii';

export interface SweepRow<P> {
  /** Leave-one-out group: `<kind>-<bits>b[-k<K>]`. */
  readonly family: string;
  readonly point: string;
  readonly params: P;
  readonly y: Readonly<Record<Metric, number>>;
}

function metrics(r: CsvRow): Record<Metric, number> {
  return {
    lut: cell(r, 'ps_LUT'),
    ff: cell(r, 'ps_FF'),
    dsp: cell(r, 'ps_DSP'),
    bram18: cell(r, 'ps_BRAM_18K_eq'),
    latency: cell(r, 'lat_max'),
    ii: cell(r, 'ii_max'),
  };
}

const role = (r: CsvRow) => r['role'];
const bitsOf = (r: CsvRow) => cell(r, 'data_bits');

export function reduceRows(rows: readonly CsvRow[]): SweepRow<ReduceParams>[] {
  return rows
    .filter((r) => role(r) === 'reduce')
    .map((r) => {
      const bits = bitsOf(r);
      const hw = cell(r, 'in_pixels') || cell(r, 'in_h') * cell(r, 'in_w') || 100;
      return {
        family: `reduce-${bits}b`,
        point: `${r['point']}`,
        params: { hw, n: cell(r, 'n_sparse'), c: cell(r, 'n_chan', 1) || 1, bits, copyBits: bits },
        y: metrics(r),
      };
    });
}

/** The DSP rule of the reference conv: 16-bit products go to DSPs; at 8 bits pairs of the C products of an output share one. */
export function referenceConvDsp(
  n: number,
  c: number,
  f: number,
  bits: number,
  wbits: number,
  wrap: boolean,
): number {
  if (Math.min(bits, wbits) > 10) return n * n * c * f;
  return wrap ? n * n * f * (c - 1) : 0;
}

/** Conv instances of every sweep (the tested conv and the 1->C convs feeding it), 8 and 16 bits only. */
export function convRows(rows: readonly CsvRow[]): SweepRow<ConvParams>[] {
  return rows
    .filter((r) => (role(r) === 'conv1' || role(r) === 'conv2') && bitsOf(r) !== 10)
    .map((r) => {
      const bits = bitsOf(r);
      const n = cell(r, 'n_sparse');
      const c = cell(r, 'n_chan', 1) || 1;
      const f = cell(r, 'n_filt', 1) || 1;
      const k = cell(r, 'kernel', 3) || 3;
      return {
        family: `conv-${bits}b-k${k}`,
        point: `${r['point']}/${role(r)}`,
        params: {
          n,
          c,
          f,
          k,
          bits,
          wbits: bits,
          accBits: bits,
          dsp: referenceConvDsp(n, c, f, bits, bits, true),
        },
        y: metrics(r),
      };
    });
}

export function poolRows(rows: readonly CsvRow[]): SweepRow<PoolParams>[] {
  return rows
    .filter((r) => role(r) === 'pool')
    .map((r) => ({
      family: `pool-${bitsOf(r)}b`,
      point: `${r['point']}`,
      params: {
        n: cell(r, 'n_sparse'),
        c: cell(r, 'n_chan', 1) || 1,
        p: cell(r, 'pool', 2) || 2,
        bits: bitsOf(r),
      },
      y: metrics(r),
    }));
}

export function flattenRows(rows: readonly CsvRow[]): SweepRow<FlattenParams>[] {
  return rows
    .filter((r) => role(r) === 'flatten')
    .map((r) => {
      const c = cell(r, 'n_chan', 1) || 1;
      const out = cell(r, 'flat_out') || cell(r, 'flat_h') * cell(r, 'flat_w') * c;
      return {
        family: `flatten-${bitsOf(r)}b`,
        point: `${r['point']}`,
        params: { n: cell(r, 'n_sparse'), c, out, bits: bitsOf(r) },
        y: metrics(r),
      };
    });
}

export function reluRows(rows: readonly CsvRow[]): SweepRow<EltParams>[] {
  return rows
    .filter((r) => role(r) === 'relu')
    .map((r) => ({
      family: `relu-${bitsOf(r)}b`,
      point: `${r['point']}`,
      params: { n: cell(r, 'n_sparse'), c: cell(r, 'n_chan', 1) || 1, bits: bitsOf(r) },
      y: metrics(r),
    }));
}
