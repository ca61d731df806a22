/**
 * Parameters and operations per event of an IR model, summed over its layers from the op
 * registry's own counts (`paramCount`, `opCount` = worst-case multiplications per event).
 */
import { prepareModel, type ModelIR, type PreparedModel } from '@sparsepixels/ir';

export interface ModelStats {
  readonly params: number;
  readonly opsPerEvent: number;
}

export function modelStats(doc: ModelIR | PreparedModel): ModelStats {
  let params = 0;
  let opsPerEvent = 0;
  for (const { layer, op, attrs, inputs } of prepareModel(doc).layers) {
    params += op.paramCount(layer);
    opsPerEvent += op.opCount(attrs, inputs);
  }
  return { params, opsPerEvent };
}
