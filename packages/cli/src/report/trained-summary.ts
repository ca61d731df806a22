/**
 * What `demo` and `train` print at the end: the estimated latency and LUT of the model they built
 * beside the standard CNN of the same architecture, and an HTML report with the ROC curves of the
 * float model and the firmware on the held-out events.
 */
import { writeFileSync } from 'node:fs';
import type { ModelIR, PreparedModel } from '@sparsepixels/ir';
import { buildReport, rocOf, type ReportData } from './build-report';
import { reportHtml } from './report-html';

const k = (x: number) => `${Math.round(x / 1000).toLocaleString('en-US')}k`;

export function estimateSummary(ir: ModelIR): { data: ReportData; lines: string[] } {
  const data = buildReport(ir, {});
  const e = data.estimate.estimate;
  const d = data.estimate.device;
  const lines = [
    `estimate on ${d.part} at ${data.estimate.clockPeriod} ns (before synthesis): latency ${e.latencyCycles} cycles = ${e.latencyUs} us, II ${e.ii}, ${k(e.lut)} LUT (${((100 * e.lut) / d.lut).toFixed(1)} %), ${e.dsp} DSP`,
  ];
  if (!data.standard && data.variants.length === 0 && ir.build?.ioType !== 'io_stream') {
    const s = buildReport({ ...ir, build: { ...ir.build, ioType: 'io_stream' } }, {}).estimate.estimate;
    lines.push(
      `the same CNN with io_stream (build.ioType): ${s.latencyCycles} cycles = ${s.latencyUs} us, II ${s.ii}, ${k(s.lut)} LUT, ${s.dsp} DSP`,
    );
  }
  if (data.standard) {
    const s = data.standard.estimate;
    lines.push(
      `standard CNN of the same architecture (hls4ml io_stream, as published): ${s.latencyCycles} cycles = ${s.latencyUs} us, II ${s.ii}, ${k(s.lut)} LUT, ${s.dsp} DSP: the sparse one is x${(s.latencyCycles / e.latencyCycles).toFixed(0)} faster`,
    );
  }
  return { data, lines };
}

/** The report of `model` (the PreparedModel the caller evaluated) with ROC curves on `count` labelled events, as HTML. */
export async function trainedReportHtml(
  data: ReportData,
  model: PreparedModel,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  count: number,
): Promise<string> {
  return reportHtml({ ...data, roc: rocOf(model, x, y, count) });
}

/** Writes `file`: trainedReportHtml. */
export async function writeTrainedReport(
  file: string,
  data: ReportData,
  model: PreparedModel,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  count: number,
): Promise<void> {
  writeFileSync(file, await trainedReportHtml(data, model, x, y, count));
}
