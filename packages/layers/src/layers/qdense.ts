/**
 * QDense({units, kernelQuantizer, biasQuantizer, activation}): dense layer with quantized weights
 * on a [B, In] input; acc = bias + inputs ascending (docs/semantics.md#dense), exact in float64, then the fused
 * activation (relu, quantizer). Exported as Dense (+ Activation).
 */
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import type { ExportContext, IRExportable } from '../export/export-context';
import { denseOp } from '../ops/dense-op';
import { stageOf } from './activation-spec';
import { checkRank, layerError, singleShape, singleTensor, whereLayer, type ConfigDict, type LayerArgs, type Shape } from './layer-base';
import { parseWeightedArgs, stagedWeights, weightedConfig, weightedLayerIR, type WeightedArgs, type WeightedOptions } from './weighted-args';

export interface QDenseArgs extends WeightedArgs, LayerArgs {
  units: number;
}

export class QDense extends tf.layers.Layer implements IRExportable {
  static className = 'QDense';
  readonly units: number;
  readonly opts: WeightedOptions;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;
  private nIn = 0;

  constructor(args: QDenseArgs) {
    super(args);
    const where = whereLayer(this, 'QDense');
    this.units = assertAttrs(builtinOp('Dense'), { units: args.units }, this.name).units;
    this.opts = parseWeightedArgs(args, where);
  }

  private inputShape(s: Shape | Shape[]): Shape {
    const where = whereLayer(this, 'QDense');
    const shape = singleShape(s, where);
    checkRank(shape, 2, 'input', '[batch, features] (add a Flatten or SparseFlatten first)', where);
    return shape;
  }

  override build(s: Shape | Shape[]): void {
    this.nIn = this.inputShape(s)[1] as number;
    this.kernel = this.addWeight('kernel', [this.nIn, this.units], 'float32', tf.initializers.glorotUniform({ seed: this.opts.seed }));
    if (this.opts.useBias) this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(s: Shape | Shape[]): Shape {
    return [this.inputShape(s)[0]!, this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const where = whereLayer(this, 'QDense');
    const x = singleTensor(inputs, where);
    this.inputShape(x.shape);
    if (x.shape[1] !== this.nIn) throw layerError(where, `input has ${x.shape[1]} features; the layer was built for ${this.nIn}`);
    const w = stagedWeights(this.opts, this.kernel!, this.bias);
    return denseOp(x, w.kernel, w.bias, this.units, stageOf(this.opts.activation), w.stages);
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), units: this.units, ...weightedConfig(this.opts) };
  }

  toIR(ctx: ExportContext): LayerIR[] {
    const layer: LayerIR = { name: this.name, op: 'Dense', inputs: ctx.inputs, attrs: { units: this.units } };
    return weightedLayerIR(layer, 'Activation', this.opts, this.kernel!, this.bias, whereLayer(this, 'QDense'));
  }
}
