import type { LayerIR, ModelIR } from './model';
import { isLayerOf, type LayerOfType } from './ops/builtin';
import { isPreparedModel, type PreparedModel } from './prepared-model';

/** The model's InputReduce layer (a model holds at most one), or undefined for a dense model. */
export function findInputReduce(model: ModelIR | PreparedModel): LayerOfType<'InputReduce'> | undefined {
  const layers: readonly LayerIR[] = isPreparedModel(model) ? model.model.layers : model.layers;
  return layers.find((l): l is LayerOfType<'InputReduce'> => isLayerOf(l, 'InputReduce'));
}

/** What synthetic events for a model should look like (test benches, `csim`, `convert`). */
export interface EventBudget {
  /** Active pixels the model keeps: InputReduce's nMax, or every pixel (H*W) of a dense model. */
  readonly nMax: number;
  /** Channel 0 of an active pixel must exceed this: InputReduce's threshold, or 0. */
  readonly threshold: number;
  /** Whether the model has an InputReduce layer. */
  readonly sparse: boolean;
}

/**
 * The InputReduce's pixel budget and threshold, with one default for a model without one: every
 * pixel of the grid may be active, above 0.
 */
export function eventBudget(model: ModelIR | PreparedModel): EventBudget {
  const reduce = findInputReduce(model);
  const [h = 1, w = 1] = (isPreparedModel(model) ? model.model : model).input.shape;
  if (!reduce) return { nMax: h * w, threshold: 0, sparse: false };
  return { nMax: reduce.attrs.nMax, threshold: reduce.attrs.threshold, sparse: true };
}
