/**
 * Fits every sweep-calibrated law on the published per-layer sweeps and checks each one by leaving
 * one sweep family out (`<kind>-<bits>b[-k<K>]`: fit on the others, predict the held-out family).
 * Used by scripts/fit.ts (which writes the coefficients) and by the held-out test.
 */
import type { FittedLaw, LawSpec } from '../laws/law';
import {
  CONV_BRAM,
  CONV_FF,
  CONV_LATENCY,
  CONV_LUT,
  FLATTEN_FF,
  FLATTEN_LATENCY,
  FLATTEN_LUT,
  POOL_FF,
  POOL_LATENCY,
  POOL_LUT,
  REDUCE_FF,
  REDUCE_LUT,
  RELU_FF,
  RELU_LUT,
} from '../laws/specs';
import type { CsvRow } from './csv';
import { fitLaw, leaveOneFamilyOut, round, type FitRow } from './fit-law';
import {
  convRows,
  flattenRows,
  poolRows,
  reduceRows,
  reluRows,
  type Metric,
  type SweepRow,
} from './sweep-rows';

export interface SweepFit {
  readonly laws: Record<string, FittedLaw>;
  readonly heldOut: { law: string; family: string; n: number; median: number; max: number }[];
}

interface Job<P> {
  readonly spec: LawSpec<P>;
  readonly rows: readonly SweepRow<P>[];
  readonly metric: Metric;
  /** Measurements below this count as this much when weighting (post-synthesis LUT of tiny layers is noise). */
  readonly floor: number;
  readonly integer?: boolean;
}

const SOURCE =
  'scaling_instances.csv (hftsoi/sparse-pixels sweeps, Vitis HLS 2023.1 + Vivado 2023.1, U250, 5 ns)';

function rowsFor<P>(rows: readonly SweepRow<P>[], metric: Metric): FitRow<P>[] {
  return rows.map((r) => ({ family: r.family, params: r.params, y: r.y[metric] }));
}

export function fitSweep(instances: readonly CsvRow[]): SweepFit {
  const reduce = reduceRows(instances);
  const conv = convRows(instances);
  const pool = poolRows(instances);
  const flatten = flattenRows(instances);
  const relu = reluRows(instances);
  const jobs: Job<never>[] = [
    { spec: REDUCE_LUT, rows: reduce, metric: 'lut', floor: 100 },
    { spec: REDUCE_FF, rows: reduce, metric: 'ff', floor: 100 },
    { spec: CONV_LUT, rows: conv, metric: 'lut', floor: 100 },
    { spec: CONV_FF, rows: conv, metric: 'ff', floor: 100 },
    { spec: CONV_BRAM, rows: conv, metric: 'bram18', floor: 20 },
    { spec: CONV_LATENCY, rows: conv, metric: 'latency', floor: 1, integer: true },
    { spec: POOL_LUT, rows: pool, metric: 'lut', floor: 100 },
    { spec: POOL_FF, rows: pool, metric: 'ff', floor: 100 },
    { spec: POOL_LATENCY, rows: pool, metric: 'latency', floor: 1, integer: true },
    { spec: FLATTEN_LUT, rows: flatten, metric: 'lut', floor: 100 },
    { spec: FLATTEN_FF, rows: flatten, metric: 'ff', floor: 100 },
    { spec: FLATTEN_LATENCY, rows: flatten, metric: 'latency', floor: 1, integer: true },
    { spec: RELU_LUT, rows: relu, metric: 'lut', floor: 100 },
    { spec: RELU_FF, rows: relu, metric: 'ff', floor: 20 },
  ] as unknown as Job<never>[];
  const laws: Record<string, FittedLaw> = {};
  const heldOut: SweepFit['heldOut'] = [];
  for (const job of jobs) {
    const rows = rowsFor(job.rows, job.metric);
    laws[job.spec.name] = fitLaw(job.spec, rows, SOURCE, job.floor);
    const post = job.integer ? (v: number) => Math.round(v) : (v: number) => v;
    for (const h of leaveOneFamilyOut(job.spec, rows, job.floor, post)) {
      heldOut.push({
        law: job.spec.name,
        family: h.family,
        n: h.n,
        median: round(h.median),
        max: round(h.max),
      });
    }
  }
  return { laws, heldOut };
}
