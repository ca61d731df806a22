import { SparsePixelsError } from '@sparsepixels/core';
import { DIAGNOSTICS } from './diagnostics';
import type { InputEvents } from './input-events';
import type { ModelIR } from './model';
import type { PreparedModel } from './prepared-model';
import type { CsimReport } from './testbench/compare';
import { didYouMean } from './util/did-you-mean';

/** Options every backend understands; backends may read more (typed by the backend). */
export interface EmitOptions {
  /** Replace an existing output folder that sparsepixels wrote (never anything else; see writeOutputFolder). */
  readonly force?: boolean;
  /** Files the caller read (the model, test data): a folder holding one is never an output folder. */
  readonly inputFiles?: readonly string[];
  /**
   * Events written to the test bench data (inputs and the interpreter's expected outputs): values
   * in memory, or InputEvents read in slices for event sets larger than memory.
   */
  readonly testInputs?: ArrayLike<number> | InputEvents;
  readonly testBatchSize?: number;
  readonly [key: string]: unknown;
}

export interface EmitResult {
  /** The folder written. */
  readonly outDir: string;
  /** Paths relative to outDir. */
  readonly files: readonly string[];
}

/** Cost figures read from a tool's reports (any field the tool does not report is absent). */
export interface MeasuredCost {
  readonly latencyCycles?: number;
  readonly ii?: number;
  readonly lut?: number;
  readonly ff?: number;
  readonly dsp?: number;
  readonly bram18?: number;
}

/**
 * What a backend measured of a project it emitted (synthesis reports, RTL simulation, ...), for
 * `sparsepixels report`. `source` names the measurement (e.g. "csynth", "rtl").
 */
export interface Measurement {
  readonly source: string;
  /** Report files read, relative to the project folder. */
  readonly files: readonly string[];
  readonly part?: string;
  /** Clock period the measurement assumed, in ns. */
  readonly clockPeriod?: number;
  readonly totals: MeasuredCost;
  /** Per layer (by IR layer name) where the reports allow it. */
  readonly layers: readonly (MeasuredCost & { readonly name: string })[];
  /** Extra figures by stage (e.g. `{ csynth: {...}, vivado: {...} }`). */
  readonly stages?: Readonly<Record<string, MeasuredCost>>;
}

/** Options of a backend's simulation check (`csim` hook). */
export interface SimulateOptions {
  /**
   * Input events (H*W*C values each, flattened, or InputEvents read in slices); default: the
   * project's test-bench events. A backend may read them in batches (hls-vivado) or whole (rtl).
   */
  readonly events?: ArrayLike<number> | InputEvents;
  /** The project's IR when the caller prepared it already (e.g. to make the events); default: read and prepared by the hook. */
  readonly prepared?: PreparedModel;
  readonly [key: string]: unknown;
}

/**
 * A code generator for a prepared model (docs/architecture.md#add-backend). It depends on @sparsepixels/ir only, so an
 * outside package can add one (examples/custom-backend).
 *
 * The optional hooks let tools work on a project folder without knowing which backend wrote it:
 * `ownsProject` says whether a folder is one of this backend's projects, `csim` simulates it and
 * compares every output bit with the interpreter, `measure` returns what was measured in it
 * (synthesis reports, RTL simulation and synthesis). The CLI's `csim` and `report` commands find
 * a project's backend with findProjectBackend.
 */
export interface Backend {
  /** Registry name, e.g. 'vivado'; lower-case letters, digits and '-'. */
  readonly name: string;
  readonly description: string;
  /** Whether the backend can emit this op (checked per layer before emitting). */
  supportsOp(op: string): boolean;
  /** Emits a PreparedModel (prepared once by the caller) or a document; start with prepareModel(model). */
  emit(model: ModelIR | PreparedModel, outDir: string, options?: EmitOptions): Promise<EmitResult>;
  /** What the csim hook runs, for messages (e.g. 'C simulation', 'RTL simulation'). */
  readonly simulation?: string;
  /** True when `projectDir` holds a project this backend wrote. */
  ownsProject?(projectDir: string): boolean;
  /** Builds and simulates the project and compares every output bit with the interpreter. */
  csim?(projectDir: string, options?: SimulateOptions): Promise<CsimReport>;
  /**
   * Optional: reads what the tool measured in a project this backend emitted (undefined when the
   * project holds no such results yet). Used by `sparsepixels report`.
   */
  measure?(projectDir: string): Promise<Measurement | undefined>;
}

/**
 * The registry lives on globalThis under a registered symbol, so every copy of this package in a
 * process (its ESM and CJS builds, or a plugin that brought its own copy) shares one registry: a
 * backend registered by an outside package is visible to the CLI that loaded it.
 */
const KEY = Symbol.for('@sparsepixels/ir/backends');
const backends: Map<string, Backend> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, Backend>()) as Map<string, Backend>;

function fail(d: { code: string; message: string }): never {
  throw new SparsePixelsError(d.code, d.message);
}

/** Adds a backend; names are unique. Returns a function that removes it again. */
export function registerBackend(backend: Backend): () => void {
  if (!/^[a-z][a-z0-9-]*$/.test(backend.name)) {
    fail(DIAGNOSTICS.badBackendName.at('', backend.name));
  }
  if (backends.has(backend.name)) fail(DIAGNOSTICS.duplicateBackend.at('', backend.name));
  backends.set(backend.name, backend);
  return () => {
    if (backends.get(backend.name) === backend) backends.delete(backend.name);
  };
}

/** The backend named `name`; unknown names throw SP6001 with the nearest registered names. */
export function getBackend(name: string): Backend {
  const b = backends.get(name);
  if (b) return b;
  const names = [...backends.keys()];
  const hint =
    names.length === 0
      ? ' (no backend is registered; import @sparsepixels/hls-vivado or @sparsepixels/hls-vitis)'
      : didYouMean(name, names);
  return fail(DIAGNOSTICS.unknownBackend.at('', name, hint));
}

export function listBackends(): readonly Backend[] {
  return [...backends.values()];
}

/** The first registered backend whose `ownsProject` hook claims `projectDir`, if any. */
export function findProjectBackend(projectDir: string): Backend | undefined {
  return listBackends().find((b) => b.ownsProject?.(projectDir) === true);
}

/** Throws SP6006 for the first layer whose op the backend does not support. */
export function checkBackendSupports(backend: Backend, model: ModelIR): void {
  for (const layer of model.layers) {
    if (!backend.supportsOp(layer.op))
      fail(DIAGNOSTICS.unsupportedOp.at('', backend.name, layer.name, layer.op));
  }
}
