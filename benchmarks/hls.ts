// HLS backend figures (issue 4): convert time per paper model (target < 1 s), g++ compile time of
// each emitted project (-O2, target < 30 s), and C-simulation events/s next to the interpreter's
// events/s on the same model and the same events. Wall-clock times, best of 3 repetitions for the
// rates (the machine is shared: compare the two rates of one row, measured back to back).
// Usage: node benchmarks/run.mjs benchmarks/hls.ts [events per model, default 2000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vivadoBackend, CSIM_FLAGS } from '@sparsepixels/hls-vivado';
import { createInterpreter, findInputReduce, formatInputEvents, type ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, paperInput, randomSparseEvents, type PaperDataset } from '../packages/ir/src/testing/index';
import { compileProject, runProcess } from '../packages/hls-vivado/src/csim/compile';

const count = Number(process.argv[2] ?? 2000);
const root = mkdtempSync(join(tmpdir(), 'sp-bench-hls-'));

interface Row {
  model: string;
  convertMs: number;
  compileMs: number;
  csimRate: number;
  interpRate: number;
}

function best<T>(n: number, f: () => T): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

async function bestAsync(n: number, f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

async function measure(dataset: PaperDataset, model: ModelIR): Promise<Row> {
  const dir = join(root, model.name);
  const t0 = performance.now();
  const emitted = await vivadoBackend.emit(model, dir);
  const convertMs = performance.now() - t0;
  const binary = join(dir, 'bench_csim');
  const compileMs = await compileProject(dir, 'myproject', binary, { optLevel: CSIM_FLAGS[0] });
  const g = paperInput(dataset);
  const nMax = findInputReduce(model)?.attrs.nMax ?? 16; // the standard model gets the events of sparse-m
  const events = randomSparseEvents({ h: g.h, w: g.w, count, active: [0, 2 * nMax], seed: 11, type: model.input.type, threshold: g.threshold });
  const input = join(dir, 'bench_input.dat');
  writeFileSync(input, formatInputEvents(events, g.h * g.w * g.c));
  const csimMs = await bestAsync(3, () => runProcess(binary, [input, join(dir, 'bench_results.log')], emitted.outDir));
  const interpreter = createInterpreter(model);
  const interpMs = best(3, () => interpreter.run(events, count));
  return { model: model.name, convertMs, compileMs, csimRate: (count / csimMs) * 1000, interpRate: (count / interpMs) * 1000 };
}

const rows: Row[] = [];
for (const dataset of ['neutrino', 'jet', 'mnist'] as const) {
  for (const [variant, nMax, bits] of [['sparse', 16, 8], ['sparse', 20, 16], ['standard', 0, 8]] as const) {
    rows.push(await measure(dataset, buildPaperModel({ dataset, variant, nMax, bits, seed: 1 })));
  }
}
rmSync(root, { recursive: true, force: true });

const fmt = (v: number, d = 0) => v.toFixed(d).padStart(10);
console.log(`HLS backend (vivado), ${count} random events per model; C simulation compiled with g++ ${CSIM_FLAGS.join(' ')}`);
console.log(`${'model'.padEnd(26)}${'convert ms'.padStart(12)}${'g++ s'.padStart(10)}${'csim ev/s'.padStart(12)}${'interp ev/s'.padStart(13)}${'csim/interp'.padStart(13)}`);
for (const r of rows) {
  console.log(
    `${r.model.padEnd(26)}${fmt(r.convertMs).padStart(12)}${fmt(r.compileMs / 1000, 1)}${fmt(r.csimRate).padStart(12)}${fmt(r.interpRate).padStart(13)}${fmt(r.csimRate / r.interpRate, 2).padStart(13)}`,
  );
}
