// The six scaling sweeps of benchmarks/sparse-conv.ts: which workloads form each, the x value of a
// workload, and the plot output (the sweep data as JSON and a chart per sweep as SVG).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg, type TopLevelSpec } from '@sparsepixels/plot';
import { peerRow } from './sparse-conv-peer';

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

/** A measured row of the benchmark (the fields the sweeps use). */
export interface SweepInput {
  workload: string;
  mode: string;
  impl: string;
  threads: number;
  callMs: number;
  cpuMs: number;
}

/**
 * The sweeps' series from the benchmark's rows (mode `same`): each implementation's median wall
 * time, `direct` on one thread also as CPU time (steadier on a shared machine), and the peer's
 * `direct` on one and two threads.
 */
export function sweepSeries(rows: readonly SweepInput[]): SweepSeries[] {
  return SWEEPS.map((s) => ({
    sweep: s.name,
    x: s.x,
    rows: Object.entries(s.points).flatMap(([workload, xValue]) => [
      ...rows
        .filter((r) => r.workload === workload && r.mode === 'same')
        .flatMap((r) => [
          { workload, xValue, impl: r.impl === 'direct' ? `direct ${r.threads}T` : r.impl, callMs: r.callMs },
          ...(r.impl === 'direct' && r.threads === 1
            ? [{ workload, xValue, impl: 'direct 1T CPU', callMs: r.cpuMs }]
            : []),
        ]),
      ...(['direct1T', 'direct2T'] as const).flatMap((k) => {
        const p = peerRow(workload, 'same');
        return p ? [{ workload, xValue, impl: `peer direct ${k.slice(6)}`, callMs: p[k], peer: true }] : [];
      }),
    ]),
  }));
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
 * One SVG per sweep: ms per call against the sweep's x, both axes logarithmic, one line per
 * implementation, the peer's dashed (Vega-Lite through @sparsepixels/plot's renderSvg).
 */
export async function drawSweepPlot(series: SweepSeries): Promise<string | null> {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `sparse convolution, ${series.sweep} sweep: ms per call (log-log)`,
    width: 420,
    height: 280,
    config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
    data: {
      values: series.rows.map((r) => ({ ...r, source: r.peer ? 'sparse_convolution' : 'sparse-conv' })),
    },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'xValue', type: 'quantitative', title: series.x, scale: { type: 'log' } },
      y: { field: 'callMs', type: 'quantitative', title: 'ms per call (median)', scale: { type: 'log' } },
      color: { field: 'impl', type: 'nominal', title: null },
      strokeDash: { field: 'source', type: 'nominal', title: null },
    },
  } as TopLevelSpec;
  return renderSvg(spec);
}
