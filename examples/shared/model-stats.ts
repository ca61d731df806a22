/**
 * Parameters and operations per event of an IR model, summed over its layers from the op
 * registry's own counts (`paramCount`, `opCount` = worst-case multiplications per event).
 */
import { getOp, prepareModel, type ModelIR, type TensorInfo } from '@sparsepixels/ir';

export interface ModelStats {
  readonly params: number;
  readonly opsPerEvent: number;
}

export function modelStats(doc: ModelIR): ModelStats {
  const { model } = prepareModel(doc);
  const tensors = new Map<string, TensorInfo>([[model.input.name, { kind: 'dense', shape: model.input.shape }]]);
  let params = 0;
  let opsPerEvent = 0;
  for (const layer of model.layers) {
    const op = getOp(layer.op);
    const inputs = layer.inputs.map((name) => tensors.get(name)!);
    params += op.paramCount(layer);
    opsPerEvent += op.opCount(layer, inputs);
    const out = layer.output!;
    tensors.set(layer.name, out.slots === undefined ? { kind: 'dense', shape: out.shape } : { kind: 'sparse', shape: out.shape, slots: out.slots });
  }
  return { params, opsPerEvent };
}
