import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  allEventValues,
  compareOutputs,
  firstDivergence,
  formatInputEvents,
  interpretEvents,
  outputSpecs,
  parseInputEvents,
  parseResults,
  parseTrace,
  prepareModel,
  type CsimReport,
  type Divergence,
  type Mismatch,
  type PreparedModel,
  type SimulateOptions,
} from '@sparsepixels/ir';
import { IR_FILE, MARKER_FILE, MARKER_FORMAT, TB_INPUT, type ProjectMarker } from '../project/project-files';
import { firstError, runTool } from './run-process';
import { buildVerilator } from './verilator';

export interface RtlSimOptions extends SimulateOptions {
  /** Parallel make jobs of the Verilator build (default 1). */
  readonly jobs?: number;
  /** g++ optimisation of the model (default -O1). */
  readonly optLevel?: string;
  /** Build folder to create or reuse (default: a temporary folder, removed afterwards). */
  readonly buildDir?: string;
  /** Mismatching events re-run with the layer trace (default 3). */
  readonly traceEvents?: number;
}

/** Cycles measured in the simulation with events fed back to back. */
export interface MeasuredCycles {
  /** From the cycle the event is accepted to the cycle out_valid shows it. */
  readonly latencyMin: number;
  readonly latencyMax: number;
  /** Cycles between consecutive accepted events. */
  readonly iiMin: number;
  readonly iiMax: number;
  readonly cycles: number;
  /** Per layer (model order): the first event's start and done pulse, cycles after its accept. */
  readonly layers: readonly { readonly start: number; readonly done: number }[];
}

export interface RtlSimResult extends CsimReport {
  readonly measured: MeasuredCycles;
  readonly marker: ProjectMarker;
}

/** A project's marker (rtl-project.json); one-line errors when the folder is not an RTL project. */
export function readRtlMarker(dir: string): ProjectMarker {
  const markerPath = join(dir, MARKER_FILE);
  if (!existsSync(markerPath)) throw new SparsePixelsError('SP_RTL_PROJECT', `not a sparsepixels RTL project: ${MARKER_FILE} is missing`, dir);
  let marker: ProjectMarker;
  try {
    marker = JSON.parse(readFileSync(markerPath, 'utf8')) as ProjectMarker;
  } catch (e) {
    throw new SparsePixelsError('SP_RTL_PROJECT', `${MARKER_FILE} is not JSON: ${(e as Error).message}`, dir);
  }
  if (marker.format !== MARKER_FORMAT) throw new SparsePixelsError('SP_RTL_PROJECT', `${MARKER_FILE} is not an RTL project marker`, dir);
  return marker;
}

/** A project's marker and its IR, prepared once (or `given`, already prepared by the caller). */
export function loadRtlProject(dir: string, given?: PreparedModel): { marker: ProjectMarker; prepared: PreparedModel } {
  const marker = readRtlMarker(dir);
  return { marker, prepared: given ?? prepareModel(readFileSync(join(dir, IR_FILE), 'utf8')) };
}

const SUMMARY = /sp_rtl_sim events=(\d+) cycles=(\d+) latency_min=(\d+) latency_max=(\d+) ii_min=(\d+) ii_max=(\d+)/;
const LAYER = /^sp_rtl_layer (\d+) start=(-?\d+) done=(-?\d+)$/gm;

function parseSummary(stdout: string, dir: string): MeasuredCycles {
  const m = SUMMARY.exec(stdout);
  if (!m) throw new SparsePixelsError('SP_RTL_RUN', 'the test bench printed no cycle summary', dir);
  const n = m.slice(1).map(Number);
  const layers: { start: number; done: number }[] = [];
  for (const l of stdout.matchAll(LAYER)) layers[Number(l[1])] = { start: Number(l[2]), done: Number(l[3]) };
  return { cycles: n[1]!, latencyMin: n[2]!, latencyMax: n[3]!, iiMin: n[4]!, iiMax: n[5]!, layers };
}

/** Builds the project's Verilator simulation (into `buildDir`); returns the executable. */
export async function buildRtlSim(dir: string, buildDir: string, o: RtlSimOptions = {}): Promise<{ binary: string; ms: number }> {
  const abs = resolve(dir);
  const rtl = (sub: string) =>
    readdirSync(join(abs, sub))
      .filter((f) => f.endsWith('.v'))
      .sort()
      .map((f) => join(abs, sub, f));
  const marker = readRtlMarker(abs);
  mkdirSync(buildDir, { recursive: true });
  return buildVerilator({
    dir: buildDir,
    top: marker.project,
    sources: [...rtl('rtl'), ...rtl('rtl/lib')],
    cpp: [join(abs, 'sim', 'sp_tb_main.cpp')],
    includeDirs: [join(abs, 'sim')],
    objDir: join(buildDir, 'obj_dir'),
    jobs: o.jobs ?? 1,
    ...(o.optLevel ? { optLevel: o.optLevel } : {}),
  });
}

/** Runs the simulation executable on events; returns its results text and measured cycles. */
export async function runRtlBinary(binary: string, dir: string, inputFile: string, resultsFile: string, traceFile?: string) {
  const run = await runTool(binary, [inputFile, resultsFile, ...(traceFile ? [traceFile] : [])], dir, 'verilator');
  if (run.status !== 0) throw new SparsePixelsError('SP_RTL_RUN', `the test bench failed: ${firstError(run.stderr || run.stdout)}`, dir);
  return { measured: parseSummary(run.stdout, dir), ms: run.ms };
}

/**
 * Verilator simulation of an emitted RTL project: builds it, runs the test bench on the events
 * (default its tb_data), compares every output bit with the interpreter, and on a mismatch re-runs
 * the failing events with the layer probes to name the first layer that differs.
 */
export async function runRtlSim(projectDir: string, options: RtlSimOptions = {}): Promise<RtlSimResult> {
  const dir = resolve(projectDir);
  const { marker, prepared } = loadRtlProject(dir, options.prepared);
  const inputSize = prepared.input.tensor.size;
  const outputs = outputSpecs(prepared);
  const work = mkdtempSync(join(tmpdir(), 'sp-rtl-sim-'));
  try {
    const events = options.events
      ? Float64Array.from(allEventValues(options.events))
      : parseInputEvents(readFileSync(join(dir, TB_INPUT), 'utf8'), inputSize, TB_INPUT);
    const inputFile = join(work, 'input.dat');
    writeFileSync(inputFile, formatInputEvents(events, inputSize));
    const { binary, ms: compileMs } = await buildRtlSim(dir, options.buildDir ?? join(work, 'build'), options);
    const resultsFile = join(work, 'results.log');
    const run = await runRtlBinary(binary, dir, inputFile, resultsFile);
    const actual = parseResults(readFileSync(resultsFile, 'utf8'), outputs, 'RTL simulation results');
    const t0 = performance.now();
    const expected = interpretEvents(prepared, events, inputSize).outputs;
    const interpretMs = performance.now() - t0;
    if (actual.length !== expected.length) {
      throw new SparsePixelsError('SP_RTL_RUN', `the test bench wrote ${actual.length} events, expected ${expected.length}`, dir);
    }
    const { count, mismatches } = compareOutputs(expected, actual, outputs);
    const divergences = count > 0 ? await traceMismatches(prepared, binary, work, dir, events, inputSize, mismatches, options.traceEvents ?? 3) : [];
    return {
      projectDir: dir,
      events: expected.length,
      outputs,
      bitExact: count === 0,
      mismatchCount: count,
      mismatches,
      divergences,
      compileMs,
      runMs: run.ms,
      interpretMs,
      measured: run.measured,
      marker,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Re-runs the events up to the last of the first mismatching ones with the layer probes on (the
 * same events before them, so a fault that depends on the preceding events shows again) and
 * returns, per mismatching event, the first layer whose output differs from the interpreter's.
 */
async function traceMismatches(
  prepared: PreparedModel,
  binary: string,
  work: string,
  dir: string,
  events: Float64Array,
  inputSize: number,
  mismatches: readonly Mismatch[],
  limit: number,
): Promise<Divergence[]> {
  const picked = [...new Set(mismatches.map((m) => m.event))].slice(0, limit);
  const prefix = events.subarray(0, (Math.max(...picked) + 1) * inputSize);
  const inputFile = join(work, 'trace-input.dat');
  const traceFile = join(work, 'trace.log');
  writeFileSync(inputFile, formatInputEvents(prefix, inputSize));
  await runRtlBinary(binary, dir, inputFile, join(work, 'trace-results.log'), traceFile);
  const rtl = parseTrace(readFileSync(traceFile, 'utf8'));
  const subset = new Float64Array(picked.length * inputSize);
  picked.forEach((e, k) => subset.set(events.subarray(e * inputSize, (e + 1) * inputSize), k * inputSize));
  const ref = interpretEvents(prepared, subset, inputSize, { trace: true }).trace ?? [];
  return picked.flatMap((event, k) => {
    const d = firstDivergence(prepared, ref[k], rtl.filter((t) => t.event === event));
    return d ? [{ ...d, event }] : [];
  });
}
