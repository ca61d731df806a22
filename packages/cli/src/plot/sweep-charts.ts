/**
 * The charts of prune-sweep and the sparse-weights example: per pruning ratio, the firmware metric,
 * and the MACs per event (dense, input-sparse, input-and-weight-sparse) on a log scale.
 */
import type { TopLevelSpec } from './render-svg';

export interface SweepPoint {
  readonly ratio: number;
  readonly accuracy: number;
  readonly auc?: number;
  readonly macs: {
    readonly dense: number;
    readonly inputSparse: number;
    readonly inputAndWeightSparse: number;
  };
}

/** Firmware accuracy (and AUC) against the pruning ratio. */
export function accuracyChart(points: readonly SweepPoint[], title: string): TopLevelSpec {
  const rows = points.flatMap((p) => [
    { ratio: p.ratio, metric: 'firmware accuracy', value: p.accuracy },
    ...(p.auc === undefined ? [] : [{ ratio: p.ratio, metric: 'firmware AUC', value: p.auc }]),
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 360,
    height: 220,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'ratio',
        type: 'quantitative',
        title: 'pruned fraction of the weights',
        scale: { domain: [0, 1] },
      },
      y: { field: 'value', type: 'quantitative', title: 'metric', scale: { zero: false } },
      color: { field: 'metric', type: 'nominal', title: null, legend: { orient: 'bottom' } },
    },
  };
}

const MAC_KINDS = [
  ['dense', 'dense (every weight and input)'],
  ['inputSparse', 'input-sparse (non-zero inputs)'],
  ['inputAndWeightSparse', 'input- and weight-sparse (zero-skip)'],
] as const;

/** MACs per event against the pruning ratio, one line per counting rule (log scale). */
export function macsChart(points: readonly SweepPoint[], title: string): TopLevelSpec {
  const rows = points.flatMap((p) =>
    MAC_KINDS.map(([k, label]) => ({ ratio: p.ratio, kind: label, macs: Math.max(p.macs[k], 0.1) })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 360,
    height: 220,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'ratio',
        type: 'quantitative',
        title: 'pruned fraction of the weights',
        scale: { domain: [0, 1] },
      },
      y: { field: 'macs', type: 'quantitative', title: 'MACs per event', scale: { type: 'log' } },
      color: {
        field: 'kind',
        type: 'nominal',
        title: null,
        sort: MAC_KINDS.map(([, l]) => l),
        legend: { orient: 'bottom', direction: 'vertical' },
      },
    },
  };
}

/** Both charts side by side in one SVG. */
export function sweepChart(points: readonly SweepPoint[], title: string): TopLevelSpec {
  const unit = (spec: TopLevelSpec) => {
    const { $schema: _schema, ...rest } = spec as unknown as Record<string, unknown>;
    return rest;
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    hconcat: [unit(accuracyChart(points, 'firmware metric')), unit(macsChart(points, 'MACs per event'))],
    resolve: { scale: { color: 'independent' } },
  };
  return spec as unknown as TopLevelSpec;
}
