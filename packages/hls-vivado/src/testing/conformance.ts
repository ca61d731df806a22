import { join } from 'node:path';
import type { Activity, BuildIR, ModelIR } from '@sparsepixels/ir';
import {
  buildPaperModel,
  paperInput,
  randomInputs,
  randomSparseEvents,
  randomSparseModel,
  randomStandardModel,
  type PaperDataset,
} from '@sparsepixels/ir/testing';
import type { HlsBackend } from '../backend';
import { formatCsimReport } from '@sparsepixels/ir';
import type { CsimResult } from '../csim/run-csim';
import type { CompileOptions } from '../csim/compile';

/** One model and its input events, run through a backend and compared with the interpreter. */
export interface ConformanceCase {
  readonly name: string;
  readonly model: ModelIR;
  readonly events: Float64Array;
}

/**
 * Random models of every op: sparse chains and standard (dense) chains, with random inputs. Sparse
 * seeds alternate the activity rule (odd: 'mask', even: 'nonzero') unless `activity` is given.
 */
export function randomCases(o: {
  sparseSeeds: readonly number[];
  standardSeeds: readonly number[];
  events: number;
  activity?: Activity;
}): ConformanceCase[] {
  const sparse = o.sparseSeeds.map((seed) => {
    const model = randomSparseModel(seed, o.activity ?? (seed % 2 === 1 ? 'mask' : 'nonzero'));
    return { name: model.name, model, events: randomInputs(model, o.events, seed) };
  });
  const standard = o.standardSeeds.map((seed) => {
    const model = randomStandardModel(seed);
    return { name: model.name, model, events: randomInputs(model, o.events, seed) };
  });
  return [...sparse, ...standard];
}

export interface PaperCaseOptions {
  readonly activity?: Activity;
  readonly datasets?: readonly PaperDataset[];
  readonly bits?: readonly (8 | 16)[];
  readonly nMax?: readonly number[];
  readonly events?: number;
}

/**
 * The paper's three architectures (docs/paper-models.md#architectures) with random on-grid weights, and
 * random sparse events with 0 to 2 N + 2 active pixels on the input grid.
 */
export function paperCases(o: PaperCaseOptions = {}): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const dataset of o.datasets ?? (['neutrino', 'jet', 'mnist'] as const)) {
    for (const bits of o.bits ?? ([8, 16] as const)) {
      for (const nMax of o.nMax ?? [8, 20]) {
        const model = buildPaperModel({ dataset, variant: 'sparse', nMax, bits, seed: nMax * 100 + bits, ...(o.activity && { activity: o.activity }) });
        const g = paperInput(dataset);
        const events = randomSparseEvents({
          h: g.h,
          w: g.w,
          c: g.c,
          count: o.events ?? 200,
          active: [0, 2 * nMax + 2],
          seed: bits + nMax,
          type: model.input.type,
          threshold: g.threshold,
        });
        cases.push({ name: o.activity ? `${model.name}_${o.activity}` : model.name, model, events });
      }
    }
  }
  return cases;
}

/** The model named `<name>_<suffix>`, with `build` over its build settings (reuse factor, io_stream...). */
export function withBuild(m: ModelIR, suffix: string, build: BuildIR): ModelIR {
  return { ...m, name: `${m.name}_${suffix}`, build: { ...m.build, ...build } };
}

/** The case with its model under withBuild (same events). */
export function caseWithBuild(c: ConformanceCase, suffix: string, build: BuildIR): ConformanceCase {
  const model = withBuild(c.model, suffix, build);
  return { ...c, name: model.name, model };
}

/** Warnings are errors in the conformance builds, so the emitted C++ stays clean. */
export const STRICT_FLAGS: readonly string[] = ['-Wall', '-Wextra', '-Werror', '-Wno-unknown-pragmas'];

/**
 * Emits the case into `<root>/<name>`, runs the C simulation (-O1, STRICT_FLAGS unless told
 * otherwise) and returns the comparison.
 */
export async function runCase(
  backend: HlsBackend,
  c: ConformanceCase,
  root: string,
  options: CompileOptions = {},
): Promise<CsimResult> {
  const emitted = await backend.emit(c.model, join(root, c.name), { testInputs: c.events, force: true });
  return backend.csim(emitted.outDir, { optLevel: '-O1', extraFlags: STRICT_FLAGS, ...options });
}

/**
 * Runs the case (runCase) and throws unless the C simulation ran every one of the case's events and
 * equals the interpreter on every output bit; the message names the case and shows what differs.
 * The body of the conformance tests: `it.each(cases)('$name', (c) => expectBitExact(backend, c, root))`.
 */
export async function expectBitExact(
  backend: HlsBackend,
  c: ConformanceCase,
  root: string,
  options: CompileOptions = {},
): Promise<void> {
  const r = await runCase(backend, c, root, options);
  const events = c.events.length / c.model.input.shape.reduce((a, b) => a * b, 1);
  if (r.events !== events) throw new Error(`${c.name}: ${r.events} events simulated, ${events} given`);
  if (!r.bitExact) throw new Error(describeResult(c.name, r));
}

/** A failure message that shows what differs (for expect(...).toBe(true) style checks). */
export function describeResult(name: string, r: CsimResult): string {
  return `${name}: ${formatCsimReport(r)}`;
}
