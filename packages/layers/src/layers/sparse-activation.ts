/**
 * SparseActivation({activation}): relu or linear, optionally quantized (pass a quantizer, e.g.
 * quantizedRelu(8, 2)), on the features of a sparse pair; hash unchanged (docs/semantics.md#sparse-activation). For exact
 * agreement with the firmware prefer the activation fused into QConv2DSparse: here the input is
 * the float32 value the previous layer stored.
 */
import type { LayerIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { typeOrAuto, type ExportContext, type IRExportable } from '../export/export-context';
import { outputStageOp } from '../ops/quantize-op';
import { parseActivation, serializeActivation, stageOf, type ActivationSpec, type ParsedActivation } from './activation-spec';
import { whereLayer, type ConfigDict } from './layer-base';
import { SparseLayer, type SparseLayerArgs } from './sparse-layer';

export interface SparseActivationArgs extends SparseLayerArgs {
  activation: ActivationSpec;
}

export class SparseActivation extends SparseLayer implements IRExportable {
  static className = 'SparseActivation';
  readonly activation: ParsedActivation;

  constructor(args: SparseActivationArgs) {
    super(args);
    this.activation = parseActivation(args.activation, ['relu', 'linear'], whereLayer(this, 'SparseActivation'));
  }

  protected callSparse(x: tf.Tensor): { feat: tf.Tensor } {
    return { feat: outputStageOp(x, stageOf(this.activation)) };
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) } as ConfigDict;
  }

  toIR(ctx: ExportContext): LayerIR[] {
    return [
      {
        name: this.name,
        op: 'SparseActivation',
        inputs: ctx.inputs,
        attrs: { activation: this.activation.name },
        precision: { result: typeOrAuto(this.activation.quantizer) },
      },
    ];
  }
}
