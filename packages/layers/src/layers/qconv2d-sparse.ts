/**
 * QConv2DSparse({filters, kernelSize, kernelQuantizer, biasQuantizer, activation}): submanifold
 * sparse convolution ('same', stride 1, odd K) of a sparse pair with quantized weights and an
 * optional fused activation (docs/semantics.md#sparse-conv2d). Exported as SparseConv2D (+ SparseActivation).
 */
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import type { ExportContext, IRExportable } from '../export/export-context';
import { sparseConv2dOp } from '../ops/sparse-conv2d-op';
import { stageOf } from './activation-spec';
import { layerError, whereLayer, type ConfigDict, type Shape } from './layer-base';
import { SparseLayer, type Grid, type SparseLayerArgs } from './sparse-layer';
import { parseWeightedArgs, stagedWeights, weightedConfig, weightedLayerIR, type WeightedArgs, type WeightedOptions } from './weighted-args';

export interface QConv2DSparseArgs extends WeightedArgs, SparseLayerArgs {
  filters: number;
  /** Odd square kernel size K. */
  kernelSize: number;
}

export class QConv2DSparse extends SparseLayer implements IRExportable {
  static className = 'QConv2DSparse';
  readonly filters: number;
  readonly kernelSize: number;
  readonly opts: WeightedOptions;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;
  private cin = 0;

  constructor(args: QConv2DSparseArgs) {
    super(args);
    const where = whereLayer(this, 'QConv2DSparse');
    const a = assertAttrs(builtinOp('SparseConv2D'), { filters: args.filters, kernelSize: args.kernelSize }, this.name);
    this.filters = a.filters;
    this.kernelSize = a.kernelSize;
    this.opts = parseWeightedArgs(args, where);
  }

  protected override checkGrid([h, w]: Grid): void {
    const k = this.kernelSize;
    if (k > h || k > w) throw layerError(this.where(), `kernelSize ${k} is larger than the ${h}x${w} grid; allowed up to ${Math.min(h, w)}`);
  }

  protected override outChannels(): number {
    return this.filters;
  }

  override build(s: Shape | Shape[]): void {
    const [f] = this.pairShapes(s);
    this.cin = f[2] as number;
    const k = this.kernelSize;
    const init = tf.initializers.glorotUniform({ seed: this.opts.seed });
    this.kernel = this.addWeight('kernel', [k, k, this.cin, this.filters], 'float32', init);
    if (this.opts.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  protected callSparse(x: tf.Tensor, hash: Int32Array): { feat: tf.Tensor } {
    const [batch = 0, nMax = 0, cin = 0] = x.shape;
    if (cin !== this.cin) throw layerError(this.where(), `features have ${cin} channels; the layer was built for ${this.cin}`);
    const w = stagedWeights(this.opts, this.kernel!, this.bias);
    const g = { batch, nMax, cin, cout: this.filters, k: this.kernelSize };
    return { feat: sparseConv2dOp(x, hash, w.kernel, w.bias, g, stageOf(this.opts.activation), w.stages) };
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), filters: this.filters, kernelSize: this.kernelSize, ...weightedConfig(this.opts) };
  }

  toIR(ctx: ExportContext): LayerIR[] {
    const layer: LayerIR = { name: this.name, op: 'SparseConv2D', inputs: ctx.inputs, attrs: { filters: this.filters, kernelSize: this.kernelSize } };
    return weightedLayerIR(layer, 'SparseActivation', this.opts, this.kernel!, this.bias, this.where());
  }
}
