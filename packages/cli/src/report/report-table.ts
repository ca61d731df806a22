/** The terminal view of a report: one line per layer, totals, and measured figures beside them. */
import { eventMacLines } from '../model/event-macs';
import type { ReportData } from './build-report';

const n = (x: number | undefined) => (x === undefined ? '-' : x.toLocaleString('en-US'));
const pct = (used: number, total: number) => `${((100 * used) / total).toFixed(1)} %`;

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
    .join('  ')
    .trimEnd();
}

export function reportLines(r: ReportData): string[] {
  const e = r.estimate;
  const m = r.measurement;
  const measured = new Map((m?.layers ?? []).map((l) => [l.name, l]));
  const head = ['layer', 'op', 'latency', 'II', 'LUT', 'FF', 'DSP', 'BRAM18'];
  const body = e.layers.map((l) => {
    const a = measured.get(l.name);
    const both = (x: number, y: number | undefined) => (a ? `${n(x)} / ${n(y)}` : n(x));
    return [
      l.name,
      l.op,
      both(l.latencyCycles, a?.latencyCycles),
      both(l.ii, a?.ii),
      both(l.lut, a?.lut),
      both(l.ff, a?.ff),
      both(l.dsp, a?.dsp),
      both(l.bram18, a?.bram18),
    ];
  });
  body.push(['FIFOs', `${e.fifo.cells} cells`, '', '', n(e.fifo.lut), n(e.fifo.ff), '', '']);
  const t = e.estimate;
  body.push(['total', '', `${n(t.latencyCycles)}`, n(t.ii), n(t.lut), n(t.ff), n(t.dsp), n(t.bram18)]);
  if (m) {
    const a = m.totals;
    body.push([
      `measured (${m.source})`,
      '',
      n(a.latencyCycles),
      n(a.ii),
      n(a.lut),
      n(a.ff),
      n(a.dsp),
      n(a.bram18),
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const lines = [
    `model '${r.name}' on ${e.device.part} (${e.device.family}) at ${e.clockPeriod} ns: ${e.kernels === 'ours' ? 'estimate of the design our backends emit' : 'estimate of the published reference kernels'}`,
    '',
    row(head, widths),
    ...body.map((b) => row(b, widths)),
    '',
    `latency ${n(t.latencyCycles)} cycles = ${t.latencyUs} us, II ${n(t.ii)} cycles; LUT ${pct(t.lut, e.device.lut)}, FF ${pct(t.ff, e.device.ff)}, DSP ${pct(t.dsp, e.device.dsp)}, BRAM18 ${pct(t.bram18, e.device.bram18)} of the device`,
  ];
  if (m)
    lines.push(`measured: ${m.files.join(', ')}${measured.size ? ' (per layer: estimate / measured)' : ''}`);
  if (r.standard) {
    const s = r.standard.estimate;
    lines.push(
      `standard CNN of the same architecture (hls4ml io_stream, as published): ${n(s.latencyCycles)} cycles (${s.latencyUs} us), II ${n(s.ii)}, LUT ${n(s.lut)}, DSP ${n(s.dsp)}`,
    );
  }
  if (r.variants.length > 1) {
    lines.push(
      `pixel budget: ${r.variants.map((v) => `${v.label} ${v.estimate.estimate.latencyUs} us / II ${v.estimate.estimate.ii} / ${Math.round(v.estimate.estimate.lut / 1000)}k LUT`).join('; ')}`,
    );
  }
  if (r.roc)
    lines.push(
      `ROC AUC on ${r.roc.events} events: float ${r.roc.float.auc.toFixed(4)}, firmware ${r.roc.firmware.auc.toFixed(4)}`,
    );
  if (r.macs) lines.push('', ...eventMacLines(r.macs));
  const notes = [...e.notes, ...e.layers.flatMap((l) => l.notes.map((x) => `${l.name}: ${x}`))];
  lines.push('', 'notes:', ...notes.map((x) => `  - ${x}`));
  return lines;
}
