/**
 * evaluate(model, data): the metric of the trained model as TensorFlow.js computes it (float32
 * forward pass) next to the metric of the *firmware*, computed by the IR interpreter on the
 * exported model: the accuracy (and ROC AUC for one sigmoid output) the FPGA will have.
 */
import { createInterpreter, prepareModel, type ModelIR, type PreparedModel } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { exportPrepared, type ExportIROptions } from '../export/export-ir';
import type { Dataset } from './batches';
import { predictProbs } from './fit';
import { accuracy, predictedClasses, rocAuc } from './metrics';

export interface MetricReport {
  readonly accuracy: number;
  /** One sigmoid output only. */
  readonly auc?: number;
}

export interface Evaluation {
  readonly float: MetricReport;
  readonly firmware: MetricReport;
  /** Fraction of events where both give the same class. */
  readonly decisionAgreement: number;
  /** Fraction of output values that are bit-identical. */
  readonly identicalOutputs: number;
  /** Events whose active pixels exceeded nMax (dropped by InputReduce). */
  readonly overflowEvents: number;
  /** The exported document. */
  readonly ir: ModelIR;
  /** The same, prepared once (pass it to a backend's emit or createInterpreter). */
  readonly prepared: PreparedModel;
}

function report(scores: ArrayLike<number>, labels: ArrayLike<number>, units: number): MetricReport {
  return { accuracy: accuracy(scores, labels, units), ...(units === 1 ? { auc: rocAuc(scores, labels) } : {}) };
}

/** Runs the interpreter in chunks; returns the first output's values and the overflow count. */
export function firmwareOutputs(ir: ModelIR | PreparedModel, x: Float32Array, count: number, chunk = 1024): { values: Float64Array; overflowEvents: number } {
  const it = createInterpreter(ir);
  const size = it.inputSize;
  let values = new Float64Array(0);
  let overflowEvents = 0;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const r = it.run(x.subarray(start * size, (start + n) * size), n);
    const v = r.values[0]!;
    if (!values.length) values = new Float64Array(count * (v.length / n));
    values.set(v, start * (v.length / n));
    overflowEvents += r.overflowCount.reduce((a, c) => a + (c > 0 ? 1 : 0), 0);
  }
  return { values, overflowEvents };
}

export function evaluate(model: tf.LayersModel, data: Dataset, options: ExportIROptions & { ir?: ModelIR | PreparedModel } = {}): Evaluation {
  const prepared = options.ir ? prepareModel(options.ir) : exportPrepared(model, options);
  const ir = prepared.source as ModelIR;
  const count = data.y.length;
  const probs = predictProbs(model, data);
  const units = probs.length / count;
  const fw = firmwareOutputs(prepared, data.x, count);
  const a = predictedClasses(probs, units);
  const b = predictedClasses(fw.values, units);
  let agree = 0;
  for (let e = 0; e < count; e++) if (a[e] === b[e]) agree++;
  let same = 0;
  for (let k = 0; k < probs.length; k++) if (probs[k] === fw.values[k]) same++;
  return {
    float: report(probs, data.y, units),
    firmware: report(fw.values, data.y, units),
    decisionAgreement: agree / count,
    identicalOutputs: same / probs.length,
    overflowEvents: fw.overflowEvents,
    ir,
    prepared,
  };
}
