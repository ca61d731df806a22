/**
 * Vega-Lite specs of the charts SparsePixels reports use. Each builder takes plain rows and returns
 * a spec for `renderSvg`; every chart has a title and axis titles with units.
 */
import type { TopLevelSpec } from 'vega-lite';

const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
} as const;

export interface StackedRow {
  /** The bar (x axis category). */
  readonly bar: string;
  /** The segment within the bar (colour). */
  readonly segment: string;
  readonly value: number;
}

/** One bar per `bar`, stacked by `segment` in the order segments first appear. */
export function stackedBars(o: {
  title: string;
  rows: readonly StackedRow[];
  barTitle: string;
  valueTitle: string;
  segmentTitle: string;
  width?: number;
}): TopLevelSpec {
  const segments = [...new Set(o.rows.map((r) => r.segment))];
  const bars = [...new Set(o.rows.map((r) => r.bar))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    width: o.width ?? Math.max(160, 70 * bars.length),
    height: 260,
    config: CONFIG,
    data: { values: o.rows.map((r) => ({ ...r, order: segments.indexOf(r.segment) })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'bar', type: 'nominal', title: o.barTitle, sort: bars, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: o.valueTitle, stack: 'zero' },
      color: {
        field: 'segment',
        type: 'nominal',
        title: o.segmentTitle,
        sort: segments,
        scale: { scheme: 'tableau20' },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  } as TopLevelSpec;
}

export interface SeriesPoint {
  readonly x: number;
  readonly y: number;
  readonly series: string;
}

/** Small multiples: one line chart (line + points) per panel, side by side. */
export function linePanels(o: {
  title: string;
  xTitle: string;
  panels: readonly { title: string; yTitle: string; points: readonly SeriesPoint[] }[];
}): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    config: CONFIG,
    hconcat: o.panels.map((p) => ({
      title: p.title,
      width: 200,
      height: 180,
      data: { values: [...p.points] },
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: o.xTitle, scale: { zero: false } },
        y: { field: 'y', type: 'quantitative', title: p.yTitle },
        color: { field: 'series', type: 'nominal', title: null },
      },
    })),
  } as TopLevelSpec;
}

export interface CompareRow {
  /** Panel (metric). */
  readonly metric: string;
  /** Bar within the panel (e.g. "standard", "sparse"). */
  readonly design: string;
  readonly value: number;
}

/** One small bar chart per metric, each with its own linear scale and the value written on every bar. */
export function comparisonBars(o: { title: string; rows: readonly CompareRow[] }): TopLevelSpec {
  const metrics = [...new Set(o.rows.map((r) => r.metric))];
  const designs = [...new Set(o.rows.map((r) => r.design))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    config: CONFIG,
    hconcat: metrics.map((m) => ({
      width: 40 * designs.length + 20,
      height: 200,
      data: {
        values: o.rows.filter((r) => r.metric === m).map((r) => ({ ...r, label: formatValue(r.value) })),
      },
      encoding: {
        x: { field: 'design', type: 'nominal', title: null, sort: designs, axis: { labelAngle: -40 } },
        y: { field: 'value', type: 'quantitative', title: m },
      },
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: { color: { field: 'design', type: 'nominal', sort: designs, legend: null } },
        },
        {
          mark: { type: 'text', dy: -6, fontSize: 10 },
          encoding: { text: { field: 'label', type: 'nominal' } },
        },
      ],
    })),
  } as TopLevelSpec;
}

/** 3 significant digits, thousands separated. */
function formatValue(v: number): string {
  if (v === 0) return '0';
  const d = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(v))));
  return Number(v.toFixed(d)).toLocaleString('en-US', { maximumFractionDigits: d });
}

export interface RocCurve {
  readonly name: string;
  /** False and true positive rates, in increasing threshold order. */
  readonly fpr: readonly number[];
  readonly tpr: readonly number[];
}

/** ROC curves (one line each) and the chance diagonal. */
export function rocChart(o: { title: string; curves: readonly RocCurve[] }): TopLevelSpec {
  const values = o.curves.flatMap((c) => c.fpr.map((f, i) => ({ curve: c.name, fpr: f, tpr: c.tpr[i]!, i })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    width: 300,
    height: 300,
    config: CONFIG,
    layer: [
      {
        data: {
          values: [
            { fpr: 0, tpr: 0 },
            { fpr: 1, tpr: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
        encoding: { x: { field: 'fpr', type: 'quantitative' }, y: { field: 'tpr', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: { field: 'fpr', type: 'quantitative', title: 'false positive rate', scale: { domain: [0, 1] } },
          y: { field: 'tpr', type: 'quantitative', title: 'true positive rate', scale: { domain: [0, 1] } },
          color: { field: 'curve', type: 'nominal', title: null },
          order: { field: 'i', type: 'quantitative' },
        },
      },
    ],
  } as TopLevelSpec;
}
