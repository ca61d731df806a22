/**
 * One example end to end: generate the seeded dataset, train the standard CNN and the sparse
 * variants at 8 bits, evaluate float and firmware metrics, count parameters and operations, emit
 * Vivado and Vitis projects, run their C simulations, and write results.md / results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { selectBackend } from '@sparsepixels/layers';
import { emitAndCsim } from './emit-and-csim';
import type { ExampleConfig, ModeName } from './example-config';
import { resultsDocument, type ResultRow } from './results-table';
import { generateSplits } from './split-dataset';
import { modelName, trainVariant, type TrainedVariant } from './train-variant';

export interface RunOptions {
  readonly mode: ModeName;
  /** Default: examples/<name>/out (relative to the working directory's repository root). */
  readonly outDir?: string;
  /** Training progress (bar on a terminal, epoch lines otherwise); default true. */
  readonly progress?: boolean;
  readonly log?: (line: string) => void;
  /** The command shown in results.md. */
  readonly command?: string;
}

export interface ExampleResult {
  readonly outDir: string;
  readonly resultsPath: string;
  readonly rows: readonly ResultRow[];
  readonly seconds: number;
}

function toRow(t: TrainedVariant, testCount: number, csim: ResultRow['csim']): ResultRow {
  const e = t.evaluation;
  return {
    label: t.variant.label,
    ...(t.variant.nMax === undefined ? {} : { nMax: t.variant.nMax, overflowRate: e.overflowEvents / testCount }),
    params: t.stats.params,
    opsPerEvent: t.stats.opsPerEvent,
    float: e.float,
    firmware: e.firmware,
    decisionAgreement: e.decisionAgreement,
    epochs: t.history.epochs.length,
    csim,
  };
}

function describe(row: ResultRow, seconds: number): string {
  const auc = row.firmware.auc === undefined ? '' : `, AUC float ${row.float.auc!.toFixed(3)} firmware ${row.firmware.auc.toFixed(3)}`;
  const csim = row.csim.map((c) => `${c.backend} ${c.bitExact ? 'bit-exact' : `${c.mismatchCount} values differ`} on ${c.events} events`).join(', ');
  return `${row.label}: accuracy float ${row.float.accuracy.toFixed(3)} firmware ${row.firmware.accuracy.toFixed(3)}${auc}; csim ${csim} (${seconds.toFixed(0)} s)`;
}

export async function runExample(config: ExampleConfig, options: RunOptions): Promise<ExampleResult> {
  const t0 = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const mode = config[options.mode];
  const outDir = resolve(options.outDir ?? join('examples', config.name, 'out'));
  mkdirSync(outDir, { recursive: true });
  const backend = await selectBackend();
  log(`${config.title} (${options.mode} mode): TensorFlow.js backend ${backend.name}; output in ${outDir}`);
  const data = generateSplits(config, mode);
  const csimEvents = data.test.x.subarray(0, Math.min(mode.csimEvents, mode.test) * data.pixels);
  const rows: ResultRow[] = [];
  for (const variant of mode.variants) {
    const v0 = performance.now();
    log(`training ${variant.label}${variant.nMax === undefined ? '' : ` (N = ${variant.nMax})`} on ${mode.train} events`);
    const trained = await trainVariant(config, mode, variant, data, options.progress ?? true);
    const name = modelName(config, variant);
    writeFileSync(join(outDir, `${name}.ir.json`), `${JSON.stringify(trained.ir)}\n`);
    const csim = await emitAndCsim(trained.ir, join(outDir, name), csimEvents);
    const row = toRow(trained, mode.test, csim);
    rows.push(row);
    log(describe(row, (performance.now() - v0) / 1000));
  }
  const seconds = (performance.now() - t0) / 1000;
  const header = {
    title: config.title,
    mode: options.mode,
    events: { train: mode.train, validation: mode.validation, test: mode.test },
    seconds,
    command: options.command ?? `node benchmarks/run.mjs examples/${config.name}/run.ts${options.mode === 'ci' ? ' --ci' : ''}`,
  };
  const resultsPath = join(outDir, 'results.md');
  writeFileSync(resultsPath, resultsDocument(header, rows));
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ ...header, rows }, null, 2)}\n`);
  log(`wrote ${resultsPath} (${seconds.toFixed(0)} s)`);
  return { outDir, resultsPath, rows, seconds };
}
