import { createFloatInterpreter, createInterpreter, prepareModel, type ModelIR, type PreparedModel } from '@sparsepixels/ir';
import { irRead } from './ir-build/ir-builder';

const CHUNK = 512;

/** How a model's output vector becomes a class: one unit = threshold (0.5 on probabilities, 0 on logits), else argmax (ties to the lower class). */
export function decide(values: ArrayLike<number>, e: number, units: number, logits: boolean): number {
  if (units === 1) return values[e]! > (logits ? 0 : 0.5) ? 1 : 0;
  let best = 0;
  for (let j = 1; j < units; j++) if (values[e * units + j]! > values[e * units + best]!) best = j;
  return best;
}

/** Whether the model's last layer is a probability head (sigmoid/softmax) or gives logits. */
export function hasProbabilityHead(m: ModelIR): boolean {
  const last = m.layers.find((l) => l.name === m.outputs[0]);
  return last?.op === 'Activation' && irRead.hasTables(last);
}

/**
 * Class decisions of every event: the bit-exact interpreter (firmware) or the float one (Keras
 * semantics). A PreparedModel is not prepared again.
 */
export function modelDecisions(m: ModelIR | PreparedModel, x: Float64Array, count: number, firmware: boolean): Int32Array {
  const prepared = prepareModel(m);
  const run = firmware ? createInterpreter(prepared) : createFloatInterpreter(prepared);
  const size = run.inputSize;
  const logits = !hasProbabilityHead(prepared.model);
  const out = new Int32Array(count);
  for (let s = 0; s < count; s += CHUNK) {
    const n = Math.min(CHUNK, count - s);
    const v = run.run(x.subarray(s * size, (s + n) * size), n).values[0]!;
    const units = v.length / n;
    for (let e = 0; e < n; e++) out[s + e] = decide(v, e, units, logits);
  }
  return out;
}

/** Agreement between two decision vectors. */
export interface Agreement {
  readonly agree: number;
  readonly total: number;
  readonly fraction: number;
}

export function agreementOf(a: Int32Array, b: Int32Array): Agreement {
  let agree = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) agree++;
  return { agree, total: a.length, fraction: a.length ? agree / a.length : 1 };
}

export function agreementText(a: Agreement): string {
  return `${a.agree}/${a.total} (${(100 * a.fraction).toFixed(2)} %)`;
}
