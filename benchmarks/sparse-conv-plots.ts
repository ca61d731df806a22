// The six scaling sweeps of benchmarks/sparse-conv.ts: which workloads form each, the x value of a
// workload, and the plot output (the sweep data as JSON, ready for a chart per sweep).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sweep {
  name: string;
  x: string;
  /** Workload name -> x value. */
  points: Record<string, number>;
}

const range = (prefix: string, values: number[], suffix = ''): Record<string, number> =>
  Object.fromEntries(values.map((v) => [`${prefix}${v}${suffix}`, v]));

export const SWEEPS: readonly Sweep[] = [
  {
    name: 'batch',
    x: 'batch size (100x100, 5x5, density 0.01)',
    points: range('batch_b', [1, 10, 100, 1000, 5000]),
  },
  {
    name: 'density',
    x: 'density (100x100, 5x5, batch 100)',
    points: { ...range('density_d', [0.001, 0.003]), batch_b100: 0.01, ...range('density_d', [0.03, 0.1]) },
  },
  {
    name: 'image-size',
    x: 'image side (5x5, density 0.01, batch 50)',
    points: Object.fromEntries([20, 50, 100, 200, 500].map((s) => [`img_${s}x${s}`, s])),
  },
  {
    name: 'kernel-size',
    x: 'kernel side (100x100, density 0.01, batch 50)',
    points: {
      kernel_3x3: 3,
      img_100x100: 5,
      ...Object.fromEntries([7, 9, 11, 15].map((k) => [`kernel_${k}x${k}`, k])),
    },
  },
  {
    name: 'high-density',
    x: 'batch size (100x100, 5x5, density 0.1)',
    points: range('hd_b', [1, 10, 100, 1000]),
  },
  {
    name: 'very-sparse',
    x: 'batch size (200x200, 5x5, density 0.001)',
    points: range('vs_b', [1, 10, 100, 1000, 5000]),
  },
];

export interface SweepSeries {
  sweep: string;
  x: string;
  /** One row per workload of the sweep and implementation: ms per call (median). */
  rows: { workload: string; xValue: number; impl: string; callMs: number; peer?: boolean }[];
}

/** Writes each sweep's data as `<dir>/sweep-<name>.json`, then draws its plot. */
export async function writeSweeps(dir: string, series: SweepSeries[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const s of series) {
    const file = join(dir, `sweep-${s.sweep}.json`);
    writeFileSync(file, JSON.stringify(s, null, 1) + '\n');
    files.push(file);
    const svg = await drawSweepPlot(s);
    if (svg) {
      writeFileSync(join(dir, `sweep-${s.sweep}.svg`), svg);
      files.push(join(dir, `sweep-${s.sweep}.svg`));
    }
  }
  return files;
}

/**
 * >>> PLOTS ARE DRAWN HERE <<< One SVG per sweep (log-log ms per call against the sweep's x, one
 * line per implementation, the peer's dashed). Returns null until the project's Vega-Lite plotting
 * helper is on main; then this builds the chart with it and returns the SVG text.
 */
export async function drawSweepPlot(_series: SweepSeries): Promise<string | null> {
  return null;
}
