import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  compareOutputs,
  firstDivergence,
  formatInputEvents,
  interpretEvents,
  outputSpecs,
  parseInputEvents,
  parseResults,
  parseTrace,
  createOwnedTempDir,
  onInterrupt,
  prepareModel,
  reapStaleTempDirs,
  type CsimReport,
  type Divergence,
  type Mismatch,
  type PreparedModel,
} from '@sparsepixels/ir';
import { IR_FILE } from '../render-project';
import { compileProject, runProcess, type CompileOptions } from './compile';

export interface CsimOptions extends CompileOptions {
  /** Input events (H*W*C values each, flattened); default tb_data/tb_input_features.dat. */
  readonly events?: ArrayLike<number>;
  /** Mismatching events re-run with the layer trace (default 3). */
  readonly traceEvents?: number;
  /**
   * The project's IR (model.ir.json) when the caller prepared it already, e.g. to generate the
   * events; by default it is read and prepared here.
   */
  readonly prepared?: PreparedModel;
}

/** The comparison of the C simulation with the interpreter (ir's CsimReport). */
export type CsimResult = CsimReport;

/**
 * C simulation of an emitted project without Xilinx tools: compiles the test bench with g++
 * against firmware/ap_types, runs it on the events, and compares every output's raw bits with the
 * interpreter on the same events. On a mismatch the failing events are re-run with the layer trace
 * to name the first layer that differs.
 */
export async function runCsim(projectDir: string, options: CsimOptions = {}): Promise<CsimResult> {
  const { prepared, project } = loadProject(projectDir, options.prepared);
  const inputSize = prepared.input.tensor.size;
  const outputs = outputSpecs(prepared);
  // our own temporary folder: removed at the end, on SIGINT/SIGTERM/SIGHUP, or by the next run
  // once this process is dead (sp-csim-<pid>-<hex> with an owner file)
  reapStaleTempDirs(tmpdir(), CSIM_TMP_PREFIX);
  let work = '';
  const release = onInterrupt(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });
  try {
    work = createOwnedTempDir(tmpdir(), CSIM_TMP_PREFIX);
    const events = options.events
      ? Float64Array.from(options.events)
      : parseInputEvents(readFileSync(join(projectDir, 'tb_data/tb_input_features.dat'), 'utf8'), inputSize, 'tb_input_features.dat');
    const inputFile = join(work, 'input.dat');
    writeFileSync(inputFile, formatInputEvents(events, inputSize));
    const binary = join(work, `${project}_csim`);
    const compileMs = await compileProject(projectDir, project, binary, options);
    const resultsFile = join(work, 'results.log');
    const run = await runBinary(binary, [inputFile, resultsFile], projectDir);
    const actual = parseResults(readFileSync(resultsFile, 'utf8'), outputs, 'csim results');
    const t0 = performance.now();
    const expected = interpretEvents(prepared, events, inputSize).outputs;
    const interpretMs = performance.now() - t0;
    if (actual.length !== expected.length) {
      throw new SparsePixelsError('SP_CSIM_RUN', `the test bench wrote ${actual.length} events, expected ${expected.length}`, projectDir);
    }
    const { count, mismatches } = compareOutputs(expected, actual, outputs);
    const divergences = count > 0 ? await traceMismatches(prepared, binary, work, projectDir, events, inputSize, mismatches, options) : [];
    return {
      projectDir,
      events: expected.length,
      outputs,
      bitExact: count === 0,
      mismatchCount: count,
      mismatches,
      divergences,
      compileMs,
      runMs: run.ms,
      interpretMs,
    };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
    release();
  }
}

/** Name prefix of the C simulation's temporary folders in the system temporary folder. */
export const CSIM_TMP_PREFIX = 'sp-csim-';

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
  events: Float64Array,
  inputSize: number,
  mismatches: readonly Mismatch[],
  options: CsimOptions,
): Promise<Divergence[]> {
  const picked = [...new Set(mismatches.map((m) => m.event))].slice(0, options.traceEvents ?? 3);
  const subset = new Float64Array(picked.length * inputSize);
  picked.forEach((e, k) => subset.set(events.subarray(e * inputSize, (e + 1) * inputSize), k * inputSize));
  const inputFile = join(work, 'trace-input.dat');
  const traceFile = join(work, 'trace.log');
  writeFileSync(inputFile, formatInputEvents(subset, inputSize));
  await runBinary(binary, [inputFile, join(work, 'trace-results.log'), traceFile], projectDir);
  const cpp = parseTrace(readFileSync(traceFile, 'utf8'));
  const ref = interpretEvents(prepared, subset, inputSize, { trace: true }).trace ?? [];
  return picked.flatMap((event, k) => {
    const d = firstDivergence(prepared, ref[k], cpp.filter((t) => t.event === k));
    return d ? [{ ...d, event }] : [];
  });
}
