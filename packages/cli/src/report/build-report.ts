/**
 * Everything `report` shows: the estimate of the design our backends emit, the same model at the
 * paper's pixel budgets (InputReduce nMax = 8/12/16/20) and its standard twin, what a backend
 * measured in a project folder, and ROC curves of the float model and the firmware on labelled data.
 */
import type { EventMacs } from '../model/event-macs';
import {
  createFloatInterpreter,
  createInterpreter,
  type Measurement,
  type ModelIR,
  type PreparedModel,
} from '@sparsepixels/ir';
import {
  estimateDocument,
  modelNMax,
  standardTwin,
  withNMax,
  type DesignEstimate,
  type KernelFlavour,
} from '@sparsepixels/estimate';
import { rocCurve, thin, type Roc } from './roc';

export interface ReportOptions {
  readonly part?: string;
  readonly clockPeriod?: number;
  readonly kernels?: KernelFlavour;
}

export interface Variant {
  readonly label: string;
  readonly nMax: number;
  readonly estimate: DesignEstimate;
}

export interface ReportData {
  readonly name: string;
  readonly estimate: DesignEstimate;
  /** Milliseconds the estimate of the model itself took. */
  readonly ms: number;
  readonly variants: readonly Variant[];
  readonly standard?: DesignEstimate;
  readonly measurement?: Measurement;
  readonly roc?: { readonly float: Roc; readonly firmware: Roc; readonly events: number };
  /** MACs per event as the interpreter counts them (model/event-macs.ts). */
  readonly macs?: EventMacs;
}

const BUDGETS = [
  ['t', 8],
  ['s', 12],
  ['m', 16],
  ['l', 20],
] as const;

/** The model at the paper's budgets plus its own (sorted by N), for sparse models. */
function variants(doc: ModelIR, opts: ReportOptions, own: DesignEstimate): Variant[] {
  const n = modelNMax(doc);
  if (n === undefined) return [];
  const [h = 1, w = 1] = doc.input.shape;
  const out: Variant[] = BUDGETS.filter(([, b]) => b !== n && b <= h * w).map(([label, b]) => ({
    label: `${label} (N=${b})`,
    nMax: b,
    estimate: estimateDocument(withNMax(doc, b), opts),
  }));
  out.push({ label: `this (N=${n})`, nMax: n, estimate: own });
  return out.sort((a, b) => a.nMax - b.nMax);
}

export function buildReport(doc: ModelIR, opts: ReportOptions, measurement?: Measurement): ReportData {
  const t0 = performance.now();
  const estimate = estimateDocument(doc, opts);
  const ms = performance.now() - t0;
  const twin = standardTwin(doc);
  return {
    name: doc.name,
    estimate,
    ms,
    variants: variants(doc, opts, estimate),
    // the standard CNN as published (hls4ml io_stream with line buffers) is the meaningful baseline
    ...(twin ? { standard: estimateDocument(twin, { ...opts, kernels: 'reference' }) } : {}),
    ...(measurement ? { measurement } : {}),
  };
}

/** ROC of the float reference and of the bit-exact firmware on `count` labelled events (a PreparedModel is not prepared again). */
export function rocOf(
  model: PreparedModel | ModelIR,
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  count: number,
): ReportData['roc'] {
  const fw = createInterpreter(model).run(x, count).values[0]!;
  const fl = createFloatInterpreter(model).run(x, count).values[0]!;
  const units = fw.length / count;
  return {
    float: thin(rocCurve(fl, labels, units)),
    firmware: thin(rocCurve(fw, labels, units)),
    events: count,
  };
}
