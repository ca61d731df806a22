import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  arrayEvents,
  compareOutputs,
  createOwnedTempDir,
  emptyComparison,
  firstDivergence,
  formatInputEvents,
  interpretEvents,
  onInterrupt,
  outputSpecs,
  parseResults,
  parseTrace,
  prepareModel,
  reapStaleTempDirs,
  tbFileEvents,
  toInputEvents,
  writeInputEvents,
  type CsimReport,
  type Divergence,
  type InputEvents,
  type PreparedModel,
} from '@sparsepixels/ir';
import { IR_FILE } from '../render-project';
import { compileProject, runProcess, type CompileOptions } from './compile';

export interface CsimOptions extends CompileOptions {
  /**
   * Input events (H*W*C values each, flattened, or InputEvents read in slices); default
   * tb_data/tb_input_features.dat (read in slices too).
   */
  readonly events?: ArrayLike<number> | InputEvents;
  /** Mismatching events re-run with the layer trace (default 3). */
  readonly traceEvents?: number;
  /**
   * Events per test-bench run (default: as many as hold CSIM_BATCH_VALUES input values, at least
   * one): the input file, the g++ binary's run, the interpreter and the comparison go batch by
   * batch, so memory and temporary files stay bounded whatever the event count.
   */
  readonly batchSize?: number;
  /** Called after each batch with the events compared so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The project's IR (model.ir.json) when the caller prepared it already, e.g. to generate the
   * events; by default it is read and prepared here.
   */
  readonly prepared?: PreparedModel;
}

/**
 * The comparison of the C simulation with the interpreter (ir's CsimReport); `outputMismatches`
 * (values that differ per output, summing to mismatchCount) is always present.
 */
export type CsimResult = CsimReport & { readonly outputMismatches: readonly number[] };

/** Input values per C-simulation batch: 2^24 (64 MiB as float32; 4,227 events of 63x63). */
export const CSIM_BATCH_VALUES = 2 ** 24;

/** Name prefix of the C simulation's temporary folders in the system temporary folder. */
export const CSIM_TMP_PREFIX = 'sp-csim-';

/**
 * C simulation of an emitted project without Xilinx tools: compiles the test bench with g++
 * against firmware/ap_types, runs it on the events batch by batch, and compares every output's
 * raw bits with the interpreter on the same events. On a mismatch the failing events are re-run
 * with the layer trace to name the first layer that differs.
 */
export async function runCsim(projectDir: string, options: CsimOptions = {}): Promise<CsimResult> {
  const { prepared, project } = loadProject(projectDir, options.prepared);
  const inputSize = prepared.input.tensor.size;
  const outputs = outputSpecs(prepared);
  const tbInput = join(projectDir, 'tb_data/tb_input_features.dat');
  const events = options.events ? toInputEvents(options.events, inputSize) : tbFileEvents(tbInput, inputSize, tbInput);
  // our own temporary folder: removed at the end, on SIGINT/SIGTERM/SIGHUP, or by the next run
  // once this process is dead (sp-csim-<pid>-<hex> with an owner file)
  reapStaleTempDirs(tmpdir(), CSIM_TMP_PREFIX);
  let work = '';
  const release = onInterrupt(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });
  try {
    work = createOwnedTempDir(tmpdir(), CSIM_TMP_PREFIX);
    const binary = join(work, `${project}_csim`);
    const compileMs = await compileProject(projectDir, project, binary, options);
    const batch = Math.max(1, options.batchSize ?? Math.floor(CSIM_BATCH_VALUES / inputSize));
    const cmp = emptyComparison(outputs.length);
    const traced = new Map<number, Float64Array>();
    const traceEvents = options.traceEvents ?? 3;
    let runMs = 0;
    let interpretMs = 0;
    options.onProgress?.(0, events.count);
    for (let start = 0; start < events.count; start += batch) {
      const n = Math.min(batch, events.count - start);
      const x = events.read(start, n);
      const inputFile = join(work, 'input.dat');
      writeEventsFile(inputFile, x, inputSize);
      const resultsFile = join(work, 'results.log');
      const run = await runBinary(binary, [inputFile, resultsFile], projectDir);
      runMs += run.ms;
      const actual = parseResults(readFileSync(resultsFile, 'utf8'), outputs, 'csim results');
      const t0 = performance.now();
      const expected = interpretEvents(prepared, x, inputSize).outputs;
      interpretMs += performance.now() - t0;
      if (actual.length !== expected.length) {
        throw new SparsePixelsError('SP_CSIM_RUN', `the test bench wrote ${actual.length} events, expected ${expected.length}`, projectDir);
      }
      const before = cmp.mismatches.length;
      compareOutputs(expected, actual, outputs, cmp, start);
      for (const m of cmp.mismatches.slice(before)) {
        if (traced.size < traceEvents && !traced.has(m.event)) {
          const e = m.event - start;
          traced.set(m.event, Float64Array.from({ length: inputSize }, (_, k) => x[e * inputSize + k]!));
        }
      }
      options.onProgress?.(start + n, events.count);
    }
    const divergences = traced.size > 0 ? await traceMismatches(prepared, binary, work, projectDir, traced, inputSize) : [];
    return {
      projectDir,
      events: events.count,
      outputs,
      bitExact: cmp.count === 0,
      mismatchCount: cmp.count,
      outputMismatches: cmp.perOutput,
      mismatches: cmp.mismatches,
      divergences,
      compileMs,
      runMs,
      interpretMs,
    };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
    release();
  }
}

function writeEventsFile(path: string, x: ArrayLike<number>, inputSize: number): void {
  const fd = openSync(path, 'w');
  try {
    writeInputEvents(arrayEvents(x, inputSize), (chunk) => void writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

/** The project's IR, prepared once for the whole C simulation. */
function loadProject(projectDir: string, given?: PreparedModel): { prepared: PreparedModel; project: string } {
  const irPath = join(projectDir, IR_FILE);
  if (!existsSync(irPath)) {
    throw new SparsePixelsError('SP_CSIM_PROJECT', `not a sparsepixels HLS project: ${IR_FILE} is missing`, projectDir);
  }
  const prepared = given ?? prepareModel(readFileSync(irPath, 'utf8'));
  return { prepared, project: prepared.model.build?.project ?? 'myproject' };
}

async function runBinary(binary: string, args: string[], cwd: string) {
  const run = await runProcess(binary, args, cwd);
  if (run.status !== 0) {
    const first = (run.stderr.split('\n').find((l) => l.trim()) ?? `exit status ${run.status}`).trim();
    throw new SparsePixelsError('SP_CSIM_RUN', `the test bench failed: ${first}`, cwd);
  }
  return run;
}

/** Re-runs the first mismatching events with the trace on, on both sides, and locates the divergence. */
async function traceMismatches(
  prepared: PreparedModel,
  binary: string,
  work: string,
  projectDir: string,
  picked: ReadonlyMap<number, Float64Array>,
  inputSize: number,
): Promise<Divergence[]> {
  const order = [...picked.keys()].sort((a, b) => a - b);
  const subset = new Float64Array(order.length * inputSize);
  order.forEach((e, k) => subset.set(picked.get(e)!, k * inputSize));
  const inputFile = join(work, 'trace-input.dat');
  const traceFile = join(work, 'trace.log');
  writeFileSync(inputFile, formatInputEvents(subset, inputSize));
  await runBinary(binary, [inputFile, join(work, 'trace-results.log'), traceFile], projectDir);
  const cpp = parseTrace(readFileSync(traceFile, 'utf8'));
  const ref = interpretEvents(prepared, subset, inputSize, { trace: true }).trace ?? [];
  return order.flatMap((event, k) => {
    const d = firstDivergence(prepared, ref[k], cpp.filter((t) => t.event === k));
    return d ? [{ ...d, event }] : [];
  });
}
