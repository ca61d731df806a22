/** SparseFlatten: sparse pair on an H x W grid -> dense [B, H*W*C] in (h, w, c) order (docs/semantics.md#sparse-flatten). */
import type { LayerIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import type { ExportContext, IRExportable } from '../export/export-context';
import { sparseFlattenOp } from '../ops/sparse-flatten-op';
import type { Kwargs, Shape } from './layer-base';
import { SparseConsumer } from './sparse-layer';

export class SparseFlatten extends SparseConsumer implements IRExportable {
  static className = 'SparseFlatten';

  override computeOutputShape(s: Shape | Shape[]): Shape {
    const [f] = this.pairShapes(s);
    const [h, w] = this.grid();
    return [f[0]!, h * w * (f[2] as number)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    const [x, h] = this.pairTensors(inputs);
    const [gh, gw] = this.grid();
    const [batch = 0, nMax = 0, c = 0] = x.shape;
    return sparseFlattenOp(x, h.dataSync() as Int32Array, { batch, nMax, c, h: gh, w: gw });
  }

  toIR(ctx: ExportContext): LayerIR[] {
    return [{ name: this.name, op: 'SparseFlatten', inputs: ctx.inputs }];
  }
}
