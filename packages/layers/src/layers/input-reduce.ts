/**
 * InputReduce({nMax, threshold}): image [B, H, W, C] -> sparse pair (features [B, nMax, C],
 * hash [B, nMax, 2]), docs/semantics.md#input-reduce. Put a QuantizeInput layer before it so the threshold test sees
 * the values the firmware sees; the export writes the equivalent threshold on the input grid.
 */
import { fracBits, rawMaxBig, rawMinBig, type FixedType } from '@sparsepixels/core';
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import type { ExportContext, IRExportable } from '../export/export-context';
import { inputReduceBatch } from '../ops/input-reduce-op';
import { checkRank, layerError, singleShape, singleTensor, whereLayer, type ConfigDict, type LayerArgs, type Shape } from './layer-base';
import type { Grid, SparseProducer } from './sparse-layer';

export interface InputReduceArgs extends LayerArgs {
  /** Slot capacity N >= 1. */
  nMax: number;
  /** A pixel is active iff its channel 0 is > threshold (default 0). */
  threshold?: number;
}

export class InputReduce extends tf.layers.Layer implements SparseProducer, IRExportable {
  static className = 'InputReduce';
  readonly nMax: number;
  readonly threshold: number;
  private gridOut: Grid | undefined;
  /** Per event of the last call: active pixels beyond nMax. */
  lastDropped: Int32Array = new Int32Array(0);

  constructor(args: InputReduceArgs) {
    super(args);
    // the IR op's own declaration checks the arguments, so they fail as an IR attribute would
    const a = assertAttrs(builtinOp('InputReduce'), { nMax: args.nMax, threshold: args.threshold ?? 0 }, this.name);
    this.nMax = a.nMax;
    this.threshold = a.threshold;
  }

  sparseGrid(): Grid | undefined {
    return this.gridOut;
  }

  private imageShape(s: Shape | Shape[]): Shape {
    const where = whereLayer(this, 'InputReduce');
    const shape = singleShape(s, where);
    checkRank(shape, 4, 'input', '[batch, height, width, channels]', where);
    if (shape.slice(1).some((d) => d === null || (d as number) < 1)) {
      throw layerError(where, `input shape [${shape.join(', ')}] needs known height, width and channels`);
    }
    return shape;
  }

  override build(s: Shape | Shape[]): void {
    const shape = this.imageShape(s);
    this.gridOut = [shape[1] as number, shape[2] as number];
    super.build(s);
  }

  override computeOutputShape(s: Shape | Shape[]): Shape[] {
    const shape = this.imageShape(s);
    return [
      [shape[0]!, this.nMax, shape[3]!],
      [shape[0]!, this.nMax, 2],
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const where = whereLayer(this, 'InputReduce');
    const x = singleTensor(inputs, where);
    const [batch = 0, h = 0, w = 0, c = 0] = this.imageShape(x.shape) as number[];
    if (this.gridOut && (h !== this.gridOut[0] || w !== this.gridOut[1])) {
      throw layerError(where, `input grid ${h}x${w} differs from the ${this.gridOut[0]}x${this.gridOut[1]} the layer was built for`);
    }
    const r = inputReduceBatch(x.dataSync() as Float32Array, { batch, h, w, c }, this.nMax, this.threshold);
    this.lastDropped = r.dropped;
    return [tf.tensor3d(r.feat, [batch, this.nMax, c]), tf.tensor3d(r.hash, [batch, this.nMax, 2], 'int32')];
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), nMax: this.nMax, threshold: this.threshold };
  }

  toIR(ctx: ExportContext): LayerIR[] {
    const threshold = thresholdOnGrid(this.threshold, ctx.inputType, whereLayer(this, 'InputReduce'));
    return [{ name: this.name, op: 'InputReduce', inputs: ctx.inputs, attrs: { nMax: this.nMax, threshold } }];
  }
}

/**
 * The firmware casts the threshold to the input type and compares grid values with '>'. The
 * largest grid value t' <= threshold is representable (so any Q/O cast keeps it), and for every
 * grid value g: g > t' iff g > threshold. So exporting t' makes the firmware's test equal ours.
 */
export function thresholdOnGrid(threshold: number, t: FixedType, where: string): number {
  const scale = 2 ** fracBits(t);
  const raw = Math.floor(threshold * scale);
  const lo = Number(rawMinBig(t));
  const hi = Number(rawMaxBig(t));
  if (raw < lo) {
    throw layerError(where, `threshold ${threshold} lies below the range of the input type (min ${lo / scale}); every pixel would be active, which the firmware cannot express`);
  }
  return Math.min(raw, hi) / scale;
}
