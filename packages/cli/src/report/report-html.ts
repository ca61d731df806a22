/**
 * The HTML report: charts rendered to inline SVG with @sparsepixels/plot (Vega-Lite), tables and
 * the estimator's notes. The same figures can be written as separate SVG files.
 */
import {
  comparisonBars,
  htmlPage,
  linePanels,
  renderSvg,
  rocChart,
  stackedBars,
  type CompareRow,
  type Figure,
  type Section,
  type StackedRow,
} from '@sparsepixels/plot';
import type { DesignEstimate } from '@sparsepixels/estimate';
import type { ReportData } from './build-report';

/** Marker that tells a report file written by us from any other file (see `report --force`). */
export const REPORT_MARKER = '<meta name="generator" content="sparsepixels report">';

const zeros = (rows: readonly { value: number }[]) => rows.filter((r) => r.value === 0).length;

function bars(r: ReportData): { label: string; e: DesignEstimate }[] {
  return r.variants.length > 0
    ? r.variants.map((v) => ({ label: v.label, e: v.estimate }))
    : [{ label: r.name, e: r.estimate }];
}

async function perLayer(
  r: ReportData,
  metric: 'lut' | 'latencyCycles',
  id: string,
  title: string,
  unit: string,
): Promise<Figure> {
  const rows: StackedRow[] = bars(r).flatMap(({ label, e }) => [
    ...e.layers.map((l) => ({ bar: label, segment: l.name, value: l[metric] })),
    metric === 'lut'
      ? { bar: label, segment: 'FIFOs', value: e.fifo.lut }
      : {
          bar: label,
          segment: 'hand-over',
          value: e.estimate.latencyCycles - e.layers.reduce((a, l) => a + l.latencyCycles, 0),
        },
  ]);
  const spec = stackedBars({
    title,
    rows,
    barTitle: r.variants.length ? 'pixel budget' : 'model',
    valueTitle: unit,
    segmentTitle: 'layer',
  });
  return {
    id,
    caption: `${title}, by layer, for each pixel budget N of the same model.`,
    svg: await renderSvg(spec),
    marks: { rect: rows.length },
    empty: { rect: zeros(rows) },
  };
}

async function versusN(r: ReportData): Promise<Figure> {
  const pts = (f: (e: DesignEstimate) => number) =>
    r.variants.map((v) => ({ x: v.nMax, y: f(v.estimate), series: 'estimate' }));
  const spec = linePanels({
    title: 'Latency, II and LUT versus the pixel budget N_max',
    xTitle: 'N_max (pixels kept)',
    panels: [
      { title: 'latency', yTitle: 'cycles', points: pts((e) => e.estimate.latencyCycles) },
      { title: 'initiation interval', yTitle: 'cycles', points: pts((e) => e.estimate.ii) },
      { title: 'LUT', yTitle: 'LUT', points: pts((e) => e.estimate.lut) },
    ],
  });
  return {
    id: 'versus-nmax',
    caption: 'The same model with InputReduce nMax changed (t/s/m/l = 8/12/16/20).',
    svg: await renderSvg(spec),
    marks: { line: 3, symbol: 3 * r.variants.length },
  };
}

const METRICS = [
  ['latency [us]', (e: DesignEstimate['estimate']) => e.latencyUs],
  ['II [cycles]', (e: DesignEstimate['estimate']) => e.ii],
  ['LUT', (e: DesignEstimate['estimate']) => e.lut],
  ['FF', (e: DesignEstimate['estimate']) => e.ff],
  ['DSP', (e: DesignEstimate['estimate']) => e.dsp],
] as const;

async function standardVsSparse(r: ReportData, standard: DesignEstimate): Promise<Figure> {
  const rows: CompareRow[] = METRICS.flatMap(([metric, f]) => [
    { metric, design: 'standard CNN', value: f(standard.estimate) },
    { metric, design: 'sparse (this)', value: f(r.estimate.estimate) },
  ]);
  const spec = comparisonBars({
    title: 'Standard CNN (hls4ml io_stream, as published) vs this sparse CNN, same architecture',
    rows,
  });
  return {
    id: 'standard-vs-sparse',
    caption: 'Estimates of both designs on the same part and clock.',
    svg: await renderSvg(spec),
    marks: { rect: rows.length, text: rows.length },
    empty: { rect: zeros(rows) },
  };
}

async function estimateVsMeasured(r: ReportData): Promise<Figure> {
  const m = r.measurement!.totals;
  const e = r.estimate.estimate;
  const pairs = [
    ['latency [cycles]', e.latencyCycles, m.latencyCycles],
    ['II [cycles]', e.ii, m.ii],
    ['LUT', e.lut, m.lut],
    ['FF', e.ff, m.ff],
    ['DSP', e.dsp, m.dsp],
    ['BRAM18', e.bram18, m.bram18],
  ] as const;
  const rows: CompareRow[] = pairs
    .filter(([, , b]) => b !== undefined)
    .flatMap(([metric, a, b]) => [
      { metric, design: 'estimate', value: a },
      { metric, design: `measured (${r.measurement!.source})`, value: b! },
    ]);
  const spec = comparisonBars({ title: 'Estimate vs measured', rows });
  return {
    id: 'estimate-vs-measured',
    caption: `Measured: ${r.measurement!.files.join(', ')}.`,
    svg: await renderSvg(spec),
    marks: { rect: rows.length, text: rows.length },
    empty: { rect: zeros(rows) },
  };
}

async function roc(r: ReportData): Promise<Figure> {
  const { float, firmware, events } = r.roc!;
  const spec = rocChart({
    title: `ROC on ${events} labelled events`,
    curves: [
      { name: `float (AUC ${float.auc.toFixed(4)})`, fpr: float.fpr, tpr: float.tpr },
      { name: `firmware (AUC ${firmware.auc.toFixed(4)})`, fpr: firmware.fpr, tpr: firmware.tpr },
    ],
  });
  return {
    id: 'roc',
    caption: 'Float model vs the bit-exact firmware (the interpreter: the same bits as the C simulation).',
    svg: await renderSvg(spec),
    marks: { line: 3 },
  };
}

export async function reportFigures(r: ReportData): Promise<{ heading: string; figure: Figure }[]> {
  const out = [
    { heading: 'LUT per layer', figure: await perLayer(r, 'lut', 'lut-per-layer', 'LUT per layer', 'LUT') },
    {
      heading: 'Latency per layer',
      figure: await perLayer(r, 'latencyCycles', 'latency-per-layer', 'Latency per layer', 'cycles'),
    },
  ];
  if (r.variants.length > 1) out.push({ heading: 'Pixel budget', figure: await versusN(r) });
  if (r.standard) out.push({ heading: 'Standard vs sparse', figure: await standardVsSparse(r, r.standard) });
  if (r.measurement) out.push({ heading: 'Estimate vs measured', figure: await estimateVsMeasured(r) });
  if (r.roc) out.push({ heading: 'ROC: float vs firmware', figure: await roc(r) });
  return out;
}

export async function reportHtml(
  r: ReportData,
  figures?: { heading: string; figure: Figure }[],
): Promise<string> {
  const e = r.estimate;
  const t = e.estimate;
  const pct = (u: number, d: number) => `${((100 * u) / d).toFixed(1)} %`;
  const sections: Section[] = [
    {
      kind: 'table',
      heading: 'Summary',
      table: {
        caption: `${e.device.part} (${e.device.family}), ${e.clockPeriod} ns clock`,
        head: ['', 'latency [cycles]', 'latency [us]', 'II [cycles]', 'LUT', 'FF', 'DSP', 'BRAM18'],
        rows: [
          ['estimate', t.latencyCycles, t.latencyUs, t.ii, t.lut, t.ff, t.dsp, t.bram18],
          [
            '% of device',
            '',
            '',
            '',
            pct(t.lut, e.device.lut),
            pct(t.ff, e.device.ff),
            pct(t.dsp, e.device.dsp),
            pct(t.bram18, e.device.bram18),
          ],
          ...(r.measurement
            ? [
                [
                  `measured (${r.measurement.source})`,
                  ...(['latencyCycles', 'latencyUs', 'ii', 'lut', 'ff', 'dsp', 'bram18'] as const).map((k) =>
                    k === 'latencyUs' ? '' : (r.measurement!.totals[k] ?? ''),
                  ),
                ],
              ]
            : []),
        ],
      },
    },
    ...(figures ?? (await reportFigures(r))).map((f) => ({ kind: 'figure' as const, ...f })),
    {
      kind: 'table',
      heading: 'Layers',
      table: {
        caption: 'Estimate per layer (FIFOs between the DATAFLOW processes listed last)',
        head: ['layer', 'op', 'latency', 'II', 'LUT', 'FF', 'DSP', 'BRAM18'],
        rows: [
          ...e.layers.map((l) => [l.name, l.op, l.latencyCycles, l.ii, l.lut, l.ff, l.dsp, l.bram18]),
          ['FIFOs', `${e.fifo.cells} cells`, '', '', e.fifo.lut, e.fifo.ff, '', ''],
        ],
      },
    },
    {
      kind: 'notes',
      heading: 'What the estimate assumes',
      items: [...e.notes, ...e.layers.flatMap((l) => l.notes.map((x) => `${l.name}: ${x}`))],
    },
  ];
  return htmlPage({
    title: `sparsepixels report: ${r.name}`,
    subtitle: 'Latency, II and resources estimated before synthesis.',
    sections,
  }).replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${REPORT_MARKER}`);
}
