import type { ModelIR } from './model';

/**
 * What a model's output means for a class decision (docs/semantics.md, decisions): 'probabilities'
 * when the output layer is a sigmoid/softmax that outputs its table values, else 'logits' (an
 * `output: 'logits'` head, or any other output layer: linear scores).
 */
export type OutputMeaning = 'probabilities' | 'logits';

const TABLE_ACTIVATIONS = new Set(['sigmoid', 'softmax']);

/** The meaning of a model's first output (see OutputMeaning). */
export function outputMeaning(model: Pick<ModelIR, 'layers' | 'outputs'>): OutputMeaning {
  const last = model.layers.find((l) => l.name === model.outputs[0]);
  const attrs = (last?.attrs ?? {}) as { activation?: unknown; output?: unknown };
  const head = (last?.op === 'Activation' || last?.op === 'SparseActivation') && TABLE_ACTIVATIONS.has(String(attrs.activation));
  return head && attrs.output !== 'logits' ? 'probabilities' : 'logits';
}

/**
 * The class of event `e` from its `units` output values (event-major): with one unit, class 1 iff
 * the value is strictly above 0.5 (probabilities) or 0 (logits), so an exact tie gives class 0;
 * with several, the first largest value (ties go to the lower class index).
 */
export function decideClass(values: ArrayLike<number>, e: number, units: number, meaning: OutputMeaning): number {
  if (units === 1) return values[e]! > (meaning === 'logits' ? 0 : 0.5) ? 1 : 0;
  let best = 0;
  for (let j = 1; j < units; j++) if (values[e * units + j]! > values[e * units + best]!) best = j;
  return best;
}
