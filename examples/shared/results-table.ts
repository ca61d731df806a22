/** The results of one example run as a Markdown document (results.md). */
import type { MetricReport } from '@sparsepixels/layers';
import type { BackendCsim } from './emit-and-csim';

export interface ResultRow {
  readonly label: string;
  readonly nMax?: number;
  readonly params: number;
  readonly opsPerEvent: number;
  readonly float: MetricReport;
  readonly firmware: MetricReport;
  /** Fraction of test events whose active pixels exceeded N (sparse models only). */
  readonly overflowRate?: number;
  /** Fraction of test events where float and firmware pick the same class. */
  readonly decisionAgreement: number;
  readonly epochs: number;
  readonly csim: readonly BackendCsim[];
}

export interface ResultsHeader {
  readonly title: string;
  readonly mode: string;
  readonly events: { train: number; validation: number; test: number };
  readonly seconds: number;
  readonly command: string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const num = (v: number) => v.toLocaleString('en-US');
const metric = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(3));

/** "yes (50/50 events, vivado + vitis)" or "NO (vivado: 3 values differ)". */
export function csimCell(csim: readonly BackendCsim[]): string {
  const bad = csim.filter((c) => !c.bitExact);
  if (csim.length === 0) return 'not run';
  if (bad.length > 0) return `NO (${bad.map((c) => `${c.backend}: ${c.mismatchCount} values differ`).join(', ')})`;
  const events = Math.min(...csim.map((c) => c.events));
  return `yes (${events} events, ${csim.map((c) => c.backend).join(' + ')})`;
}

export function resultsTable(rows: readonly ResultRow[]): string {
  const auc = rows.some((r) => r.firmware.auc !== undefined);
  const head = ['model', 'N', 'params', 'ops/event', 'epochs', 'float acc', 'firmware acc'];
  if (auc) head.push('float AUC', 'firmware AUC');
  head.push('same decision', 'overflow (> N active)', 'csim bit-exact');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    const cells = [r.label, r.nMax === undefined ? '—' : String(r.nMax), num(r.params), num(r.opsPerEvent), String(r.epochs)];
    cells.push(metric(r.float.accuracy), metric(r.firmware.accuracy));
    if (auc) cells.push(metric(r.float.auc), metric(r.firmware.auc));
    cells.push(pct(r.decisionAgreement), r.overflowRate === undefined ? '—' : pct(r.overflowRate), csimCell(r.csim));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function resultsDocument(header: ResultsHeader, rows: readonly ResultRow[]): string {
  const e = header.events;
  return [
    `# ${header.title}: results (${header.mode} mode)`,
    '',
    `Command: \`${header.command}\`; ${num(e.train)} training / ${num(e.validation)} validation / ${num(e.test)} test events; ` +
      `run time ${header.seconds.toFixed(0)} s. All models 8-bit. "firmware" = the IR interpreter, bit-exact with the HLS C simulation; ` +
      `"float" = the TensorFlow.js forward pass.`,
    '',
    resultsTable(rows),
    '',
  ].join('\n');
}
