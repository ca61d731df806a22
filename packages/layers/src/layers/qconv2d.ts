/**
 * QConv2D({filters, kernelSize, kernelQuantizer, biasQuantizer, activation}): the standard CNN's
 * convolution ('same', stride 1, odd K) on [B, H, W, C] with quantized weights, computed by our
 * fast plane kernel (ops/conv2d-same-op.ts). Exported as Conv2D (+ Activation).
 */
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import type { ExportContext, IRExportable } from '../export/export-context';
import { conv2dSameOp } from '../ops/conv2d-same-op';
import { stageOf } from './activation-spec';
import { checkRank, layerError, singleShape, singleTensor, whereLayer, type ConfigDict, type Kwargs, type LayerArgs, type Shape } from './layer-base';
import { forwardWeights, parseWeightedArgs, weightedConfig, weightedLayerIR, type WeightedArgs, type WeightedOptions } from './weighted-args';

export interface QConv2DArgs extends WeightedArgs, LayerArgs {
  filters: number;
  kernelSize: number;
}

export class QConv2D extends tf.layers.Layer implements IRExportable {
  static className = 'QConv2D';
  readonly filters: number;
  readonly kernelSize: number;
  readonly opts: WeightedOptions;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;
  private cin = 0;
  /** Whether anything upstream is trainable (else the op skips the input gradient). */
  private inputGrad: boolean | undefined;

  constructor(args: QConv2DArgs) {
    super(args);
    const where = whereLayer(this, 'QConv2D');
    const a = assertAttrs(builtinOp('Conv2D'), { filters: args.filters, kernelSize: args.kernelSize }, this.name);
    this.filters = a.filters;
    this.kernelSize = a.kernelSize;
    this.opts = parseWeightedArgs(args, where);
  }

  private imageShape(s: Shape | Shape[]): Shape {
    const where = whereLayer(this, 'QConv2D');
    const shape = singleShape(s, where);
    checkRank(shape, 4, 'input', '[batch, height, width, channels]', where);
    const [, h, w] = shape as number[];
    const k = this.kernelSize;
    if (k > h! || k > w!) throw layerError(where, `kernelSize ${k} is larger than the ${h}x${w} input; allowed up to ${Math.min(h!, w!)}`);
    return shape;
  }

  override apply(inputs: Parameters<tf.layers.Layer['apply']>[0], kwargs?: Kwargs): ReturnType<tf.layers.Layer['apply']> {
    const first = Array.isArray(inputs) ? inputs[0] : inputs;
    if (first instanceof tf.SymbolicTensor) this.inputGrad = hasTrainableUpstream(first.sourceLayer);
    return super.apply(inputs, kwargs);
  }

  override build(s: Shape | Shape[]): void {
    this.cin = this.imageShape(s)[3] as number;
    const k = this.kernelSize;
    const init = tf.initializers.glorotUniform({ seed: this.opts.seed });
    this.kernel = this.addWeight('kernel', [k, k, this.cin, this.filters], 'float32', init);
    if (this.opts.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(s: Shape | Shape[]): Shape {
    const shape = this.imageShape(s);
    return [shape[0]!, shape[1]!, shape[2]!, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const where = whereLayer(this, 'QConv2D');
    const x = singleTensor(inputs, where);
    const [batch = 0, h = 0, w = 0, cin = 0] = this.imageShape(x.shape) as number[];
    if (cin !== this.cin) throw layerError(where, `input has ${cin} channels; the layer was built for ${this.cin}`);
    const [k, b] = forwardWeights(this.opts, this.kernel!, this.bias);
    const g = { batch, h, w, cin, cout: this.filters, k: this.kernelSize, inputGrad: this.inputGrad };
    return conv2dSameOp(x, k, b, g, stageOf(this.opts.activation));
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), filters: this.filters, kernelSize: this.kernelSize, ...weightedConfig(this.opts) };
  }

  toIR(ctx: ExportContext): LayerIR[] {
    const layer: LayerIR = { name: this.name, op: 'Conv2D', inputs: ctx.inputs, attrs: { filters: this.filters, kernelSize: this.kernelSize } };
    return weightedLayerIR(layer, 'Activation', this.opts, this.kernel!, this.bias, whereLayer(this, 'QConv2D'));
  }
}

/** True if `layer` or any layer it depends on has trainable weights. */
export function hasTrainableUpstream(layer: tf.layers.Layer): boolean {
  const seen = new Set<tf.layers.Layer>();
  const stack = [layer];
  while (stack.length) {
    const l = stack.pop()!;
    if (seen.has(l)) continue;
    seen.add(l);
    if (l.trainableWeights.length > 0) return true;
    for (const node of l.inboundNodes) stack.push(...node.inboundLayers);
  }
  return false;
}
