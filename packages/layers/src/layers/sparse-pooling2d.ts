/**
 * AveragePooling2DSparse({poolSize, quantizer}) and MaxPooling2DSparse({poolSize, quantizer}):
 * sparse pooling, stride = pool size, 'valid' (docs/semantics.md#sparse-pooling2d). The optional quantizer is the result
 * type, applied to the exact pooled value; without it the result is 'auto' (exact and wide in the
 * firmware, float32 here, so the next layer may differ in its last bits).
 */
import type { PoolMode } from '@sparsepixels/core';
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { typeOrAuto, type ExportContext, type IRExportable } from '../export/export-context';
import { outputStage } from '../ops/output-stage';
import { sparsePoolLayout } from '../ops/sparse-pool-layout';
import { layerReciprocalBits } from '../ops/pool-reciprocal';
import { sparsePool2dOp } from '../ops/sparse-pool2d-op';
import { toQuantizer } from '../quantizers/quantizer-registry';
import type { Quantizer, QuantizerJson } from '../quantizers/quantizer';
import { layerError, whereLayer, type ConfigDict } from './layer-base';
import { SparseLayer, type Grid, type SparseLayerArgs } from './sparse-layer';

export interface SparsePoolingArgs extends SparseLayerArgs {
  poolSize: number;
  /** Result quantizer (e.g. quantizedBits(8, 2, {keepNegative: false})). */
  quantizer?: Quantizer | QuantizerJson | null;
}

abstract class SparsePooling2D extends SparseLayer implements IRExportable {
  readonly poolSize: number;
  readonly quantizer: Quantizer | undefined;
  protected readonly mode: PoolMode;

  constructor(args: SparsePoolingArgs, className: string, mode: PoolMode) {
    super(args);
    const where = whereLayer(this, className);
    this.poolSize = assertAttrs(builtinOp('SparsePooling2D'), { poolSize: args.poolSize, mode }, this.name).poolSize;
    this.mode = mode;
    this.quantizer = toQuantizer(args.quantizer, where);
  }

  protected override checkGrid([h, w]: Grid): void {
    const p = this.poolSize;
    if (p > h || p > w) throw layerError(this.where(), `poolSize ${p} is larger than the ${h}x${w} grid; allowed up to ${Math.min(h, w)}`);
  }

  protected override outGrid([h, w]: Grid): Grid {
    return [Math.floor(h / this.poolSize), Math.floor(w / this.poolSize)];
  }

  protected callSparse(x: tf.Tensor, hash: Int32Array): { feat: tf.Tensor; hash: Int32Array } {
    const [batch = 0, nMax = 0, c = 0] = x.shape;
    const [h, w] = this.grid();
    const layout = sparsePoolLayout(hash, batch, nMax, this.poolSize, h, w);
    const stage = outputStage('linear', this.quantizer);
    const feat = sparsePool2dOp(x, layout, { batch, nMax, c, p: this.poolSize, mode: this.mode, reciprocalBits: layerReciprocalBits(this.poolSize) }, stage);
    return { feat, hash: layout.hash };
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), poolSize: this.poolSize, quantizer: this.quantizer?.toJSON() ?? null } as ConfigDict;
  }

  toIR(ctx: ExportContext): LayerIR[] {
    return [
      {
        name: this.name,
        op: 'SparsePooling2D',
        inputs: ctx.inputs,
        attrs: { poolSize: this.poolSize, mode: this.mode, ...(this.mode === 'avg' && { reciprocalBits: layerReciprocalBits(this.poolSize) }) },
        precision: { result: typeOrAuto(this.quantizer), accum: 'auto' },
      },
    ];
  }
}

export class AveragePooling2DSparse extends SparsePooling2D {
  static className = 'AveragePooling2DSparse';
  constructor(args: SparsePoolingArgs) {
    super(args, 'AveragePooling2DSparse', 'avg');
  }
}

export class MaxPooling2DSparse extends SparsePooling2D {
  static className = 'MaxPooling2DSparse';
  constructor(args: SparsePoolingArgs) {
    super(args, 'MaxPooling2DSparse', 'max');
  }
}
