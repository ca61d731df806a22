import type { LayerIR } from '@sparsepixels/ir';
import { importError } from './import-error';
import { irLayers, irRead } from './ir-build/ir-builder';

/** What makes the sparse twin: the pixel budget and the activity threshold of InputReduce. */
export interface SparsifyOptions {
  readonly nMax: number;
  readonly threshold: number;
}

/**
 * The sparse twin of a standard CNN, with the same weights: InputReduce(nMax, threshold) after the
 * input, then every image layer becomes its sparse op (Conv2D -> SparseConv2D, activations ->
 * SparseActivation, average/max pooling -> SparsePooling2D, Flatten -> SparseFlatten); the dense
 * head is unchanged. Refuses models that are sparse already or have other image layers.
 */
export function sparsifyLayers(layers: readonly LayerIR[], inputName: string, o: SparsifyOptions): LayerIR[] {
  if (layers.some((l) => irRead.isSparseOp(l.op))) throw importError('--n-max', 'the model is sparse already');
  if (!Number.isInteger(o.nMax) || o.nMax < 1) throw importError('--n-max', `${o.nMax} is not a positive integer`);
  const names = new Set(layers.map((l) => l.name));
  let reduce = 'input_reduce';
  for (let i = 1; names.has(reduce); i++) reduce = `input_reduce_${i}`;
  const out: LayerIR[] = [irLayers.inputReduce(reduce, inputName, o.nMax, o.threshold)];
  let image = true;
  for (const l of layers) {
    const inputs = l.inputs.map((n) => (n === inputName ? reduce : n));
    if (!image) {
      out.push({ ...l, inputs });
      continue;
    }
    const twin = irRead.sparseTwin(l, inputs);
    if (!twin) throw importError(`layer "${l.name}"`, `${l.op} cannot be sparsified (Conv2D, activations, average/max pooling, Flatten before the dense head)`);
    out.push(twin);
    if (twin.op === 'SparseFlatten') image = false;
  }
  if (image) throw importError('--n-max', 'the model has no Flatten: nothing to sparsify into a dense head');
  return out;
}
