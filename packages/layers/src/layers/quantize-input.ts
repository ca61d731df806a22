/**
 * QuantizeInput({type}): casts real inputs to an ap type with that type's own Q/O, as the HLS test
 * bench and the interpreter do (e.g. 'ap_ufixed<8,1>', truncating and wrapping). Put it first in a
 * model: exportIR takes the model's input type from it.
 */
import type { FixedType } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { outputStage } from '../ops/output-stage';
import { outputStageOp } from '../ops/quantize-op';
import { typeToConfig } from '../quantizers/config-type';
import { fixedQuantizer } from '../quantizers/fixed-quantizer';
import type { Quantizer } from '../quantizers/quantizer';
import { singleTensor, whereLayer, type ConfigDict, type LayerArgs, type Shape } from './layer-base';

export interface QuantizeInputArgs extends LayerArgs {
  type: string | FixedType;
}

export class QuantizeInput extends tf.layers.Layer {
  static className = 'QuantizeInput';
  readonly quantizer: Quantizer;

  constructor(args: QuantizeInputArgs) {
    super(args);
    this.quantizer = fixedQuantizer(args.type);
  }

  /** The model input type this layer declares. */
  inputType(): FixedType {
    return this.quantizer.type;
  }

  override computeOutputShape(s: Shape | Shape[]): Shape | Shape[] {
    return s;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = singleTensor(inputs, whereLayer(this, 'QuantizeInput'));
    return outputStageOp(x, outputStage('linear', this.quantizer));
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), type: typeToConfig(this.quantizer.type) };
  }
}
