/**
 * QActivation({activation}): relu / linear (optionally a quantizer, e.g. quantizedRelu(8, 2)) or
 * sigmoid / softmax on a dense tensor. Sigmoid and softmax train with the exact float functions;
 * at inference (training = false) they use the firmware's tables (tableSize entries, table and
 * result types as declared or the IR's 'auto'), computed by the IR interpreter on the exact inputs.
 */
import { formatType } from '@sparsepixels/core';
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import { typeOrAuto, type ExportContext, type IRExportable } from '../export/export-context';
import { outputStageOp } from '../ops/quantize-op';
import { tableActivation } from '../ops/table-activation';
import { typeFromConfig, typeToConfig } from '../quantizers/config-type';
import { parseActivation, serializeActivation, stageOf, type ActivationSpec, type ParsedActivation } from './activation-spec';
import { isTraining, layerError, singleTensor, whereLayer, type ConfigDict, type Kwargs, type LayerArgs, type Shape } from './layer-base';

export interface QActivationArgs extends LayerArgs {
  activation: ActivationSpec;
  /** sigmoid/softmax: table entries, a power of two (default 1024). */
  tableSize?: number;
  /** sigmoid/softmax: table and result types ('auto' = the IR defaults). */
  tableType?: string;
  resultType?: string;
}

/** 'auto' or the canonical type string of any accepted spelling. */
function canonical(s: string | undefined): string {
  return s === undefined || s === 'auto' ? 'auto' : formatType(typeFromConfig(s));
}

export class QActivation extends tf.layers.Layer implements IRExportable {
  static className = 'QActivation';
  readonly activation: ParsedActivation;
  readonly tableSize: number;
  readonly tableType: string;
  readonly resultType: string;

  constructor(args: QActivationArgs) {
    super(args);
    const where = whereLayer(this, 'QActivation');
    this.activation = parseActivation(args.activation, ['relu', 'linear', 'sigmoid', 'softmax'], where);
    this.tableSize = assertAttrs(builtinOp('Activation'), { activation: this.activation.name, tableSize: args.tableSize }, this.name).tableSize;
    this.tableType = canonical(args.tableType);
    this.resultType = canonical(args.resultType);
  }

  private get usesTables(): boolean {
    return this.activation.name === 'sigmoid' || this.activation.name === 'softmax';
  }

  override computeOutputShape(s: Shape | Shape[]): Shape | Shape[] {
    return s;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    const x = singleTensor(inputs, whereLayer(this, 'QActivation'));
    const name = this.activation.name;
    if (!this.usesTables) return outputStageOp(x, stageOf(this.activation));
    if (name === 'softmax' && x.rank !== 2) throw layerError(whereLayer(this, 'QActivation'), `softmax needs a [batch, units] input, got rank ${x.rank}`);
    if (!isTraining(kwargs)) {
      const units = x.shape.slice(1).reduce((a, b) => a * b, 1);
      const opts = { activation: name as 'sigmoid' | 'softmax', tableSize: this.tableSize, table: this.tableType, result: this.resultType };
      const y = tableActivation(x.dataSync() as Float32Array, units, opts);
      if (y) return tf.tensor(y, x.shape);
    }
    return name === 'sigmoid' ? tf.sigmoid(x) : tf.softmax(x);
  }

  override getConfig(): ConfigDict {
    return {
      ...super.getConfig(),
      activation: serializeActivation(this.activation),
      tableSize: this.tableSize,
      tableType: this.tableType === 'auto' ? 'auto' : typeToConfig(typeFromConfig(this.tableType)),
      resultType: this.resultType === 'auto' ? 'auto' : typeToConfig(typeFromConfig(this.resultType)),
    } as ConfigDict;
  }

  toIR(ctx: ExportContext): LayerIR[] {
    const activation = this.activation.name;
    const layer: LayerIR = this.usesTables
      ? { name: this.name, op: 'Activation', inputs: ctx.inputs, attrs: { activation, tableSize: this.tableSize }, precision: { result: this.resultType, table: this.tableType } }
      : { name: this.name, op: 'Activation', inputs: ctx.inputs, attrs: { activation }, precision: { result: typeOrAuto(this.activation.quantizer) } };
    return [layer];
  }
}
