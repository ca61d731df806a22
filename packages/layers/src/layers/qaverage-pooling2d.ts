/**
 * QAveragePooling2D({poolSize, quantizer}) (exported also as AveragePooling2D): the standard CNN's
 * average pooling, stride = pool size, 'valid', computed as the firmware does: window sum times
 * r*r with r = floor(2^10/P)/2^10 (not a true division by P*P). The optional quantizer is the
 * result type. Exported as AveragePooling2D.
 */
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import { typeOrAuto, type ExportContext, type IRExportable } from '../export/export-context';
import { averagePool2dOp } from '../ops/average-pool2d-op';
import { outputStage } from '../ops/output-stage';
import { toQuantizer } from '../quantizers/quantizer-registry';
import type { Quantizer, QuantizerJson } from '../quantizers/quantizer';
import { checkRank, layerError, singleShape, singleTensor, whereLayer, type ConfigDict, type LayerArgs, type Shape } from './layer-base';

export interface QAveragePooling2DArgs extends LayerArgs {
  poolSize: number;
  quantizer?: Quantizer | QuantizerJson | null;
}

export class QAveragePooling2D extends tf.layers.Layer implements IRExportable {
  static className = 'QAveragePooling2D';
  readonly poolSize: number;
  readonly quantizer: Quantizer | undefined;

  constructor(args: QAveragePooling2DArgs) {
    super(args);
    const where = whereLayer(this, 'QAveragePooling2D');
    this.poolSize = assertAttrs(builtinOp('AveragePooling2D'), { poolSize: args.poolSize }, this.name).poolSize;
    this.quantizer = toQuantizer(args.quantizer, where);
  }

  private imageShape(s: Shape | Shape[]): number[] {
    const where = whereLayer(this, 'QAveragePooling2D');
    const shape = singleShape(s, where);
    checkRank(shape, 4, 'input', '[batch, height, width, channels]', where);
    const [, h = 0, w = 0] = shape as number[];
    const p = this.poolSize;
    if (p > h || p > w) throw layerError(where, `poolSize ${p} is larger than the ${h}x${w} input; allowed up to ${Math.min(h, w)}`);
    return shape as number[];
  }

  override computeOutputShape(s: Shape | Shape[]): Shape {
    const [b, h = 0, w = 0, c] = this.imageShape(s);
    const p = this.poolSize;
    return [b ?? null, Math.floor(h / p), Math.floor(w / p), c ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = singleTensor(inputs, whereLayer(this, 'QAveragePooling2D'));
    const [batch = 0, h = 0, w = 0, c = 0] = this.imageShape(x.shape);
    return averagePool2dOp(x, { batch, h, w, c, p: this.poolSize }, outputStage('linear', this.quantizer));
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), poolSize: this.poolSize, quantizer: this.quantizer?.toJSON() ?? null } as ConfigDict;
  }

  toIR(ctx: ExportContext): LayerIR[] {
    return [
      {
        name: this.name,
        op: 'AveragePooling2D',
        inputs: ctx.inputs,
        attrs: { poolSize: this.poolSize },
        precision: { result: typeOrAuto(this.quantizer), accum: 'auto' },
      },
    ];
  }
}
