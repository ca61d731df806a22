/**
 * GlobalAveragePooling2DSparse({quantizer, reciprocalBits}) and GlobalMaxPooling2DSparse({quantizer}):
 * the sparse pair becomes a dense [B, C] vector, per channel the average or maximum over each
 * event's valid slots (docs/semantics.md, SparseGlobalPooling2D; training runs activity "mask", a
 * valid slot has a non-zero hash). avg = sum * r_k with k the valid count and r_k = floor(2^F/k)/2^F
 * when `reciprocalBits` F is given (trained and exported as such), else the exact 1/k (precision
 * inference then picks F within half an output LSB). max: the largest valid value; 0 for an event
 * without valid slots. The optional quantizer is the result type, applied to the exact value.
 */
import { globalReciprocalRaw, type PoolMode } from '@sparsepixels/core';
import { assertAttrs, builtinOp, type LayerIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { typeOrAuto, type ExportContext, type IRExportable } from '../export/export-context';
import { jsOp } from '../ops/js-op';
import { outputStage, type OutputStage } from '../ops/output-stage';
import { toQuantizer } from '../quantizers/quantizer-registry';
import type { Quantizer, QuantizerJson } from '../quantizers/quantizer';
import { layerError, whereLayer, type ConfigDict, type Kwargs, type Shape } from './layer-base';
import { SparseConsumer, type SparseLayerArgs } from './sparse-layer';

export interface SparseGlobalPoolingArgs extends SparseLayerArgs {
  /** Result quantizer (e.g. quantizedBits(8, 2)). */
  quantizer?: Quantizer | QuantizerJson | null;
  /** avg: fraction bits F of r_k (0..32); absent = exact 1/k in training, inferred F in the IR. */
  reciprocalBits?: number;
}

/** Per event and channel, the average (times r_k) or maximum over the valid slots, differentiable. */
function globalPoolOp(x: tf.Tensor, hash: Int32Array, mode: PoolMode, bits: number | undefined, stage: OutputStage): tf.Tensor {
  const [batch = 0, nMax = 0, c = 0] = x.shape;
  return jsOp([x], ([xv]) => {
    const pre = new Float64Array(batch * c);
    const arg = new Int32Array(batch * c).fill(-1); // max: the slot that supplied the maximum
    const scale = new Float64Array(batch); // avg: r_k of each event
    for (let b = 0; b < batch; b++) {
      let k = 0;
      for (let s = b * nMax; s < (b + 1) * nMax; s++) {
        if (hash[2 * s] === 0) continue; // invalid slot
        k++;
        for (let ch = 0; ch < c; ch++) {
          const o = b * c + ch;
          const v = xv![s * c + ch]!;
          if (mode === 'avg') pre[o]! += v;
          else if (arg[o]! < 0 || v > pre[o]!) {
            pre[o] = v;
            arg[o] = s;
          }
        }
      }
      scale[b] = bits === undefined ? (k === 0 ? 0 : 1 / k) : globalReciprocalRaw(k, bits) / 2 ** bits;
      if (mode === 'avg') for (let ch = 0; ch < c; ch++) pre[b * c + ch]! *= scale[b]!;
    }
    return {
      values: Float32Array.from(pre, (v) => stage.apply(v)),
      shape: [batch, c],
      backward(dy) {
        const dx = new Float32Array(batch * nMax * c);
        for (let s = 0; s < batch * nMax; s++) {
          if (hash[2 * s] === 0) continue;
          const b = Math.floor(s / nMax);
          for (let ch = 0; ch < c; ch++) {
            const o = b * c + ch;
            const g = dy[o]! * stage.grad(pre[o]!);
            if (mode === 'avg') dx[s * c + ch] = g * scale[b]!;
            else if (arg[o] === s) dx[s * c + ch] = g;
          }
        }
        return [dx];
      },
    };
  });
}

abstract class SparseGlobalPooling2D extends SparseConsumer implements IRExportable {
  readonly quantizer: Quantizer | undefined;
  readonly reciprocalBits: number | undefined;
  protected readonly mode: PoolMode;

  constructor(args: SparseGlobalPoolingArgs, className: string, mode: PoolMode) {
    super(args);
    if (mode === 'max' && args.reciprocalBits !== undefined) throw layerError(whereLayer(this, className), 'reciprocalBits applies to the average only');
    const attrs = { mode, ...(args.reciprocalBits !== undefined && { reciprocalBits: args.reciprocalBits }) };
    this.reciprocalBits = assertAttrs(builtinOp('SparseGlobalPooling2D'), attrs, this.name).reciprocalBits;
    this.mode = mode;
    this.quantizer = toQuantizer(args.quantizer, whereLayer(this, className));
  }

  override computeOutputShape(s: Shape | Shape[]): Shape {
    const [f] = this.pairShapes(s);
    return [f[0]!, f[2]!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    const [x, h] = this.pairTensors(inputs);
    return globalPoolOp(x, h.dataSync() as Int32Array, this.mode, this.reciprocalBits, outputStage('linear', this.quantizer));
  }

  override getConfig(): ConfigDict {
    const bits = this.reciprocalBits === undefined ? {} : { reciprocalBits: this.reciprocalBits };
    return { ...super.getConfig(), quantizer: this.quantizer?.toJSON() ?? null, ...bits } as ConfigDict;
  }

  toIR(ctx: ExportContext): LayerIR[] {
    const bits = this.reciprocalBits === undefined ? {} : { reciprocalBits: this.reciprocalBits };
    return [
      {
        name: this.name,
        op: 'SparseGlobalPooling2D',
        inputs: ctx.inputs,
        attrs: { mode: this.mode, ...bits },
        precision: { result: typeOrAuto(this.quantizer), ...(this.mode === 'avg' && { accum: 'auto' }) },
      },
    ];
  }
}

export class GlobalAveragePooling2DSparse extends SparseGlobalPooling2D {
  static className = 'GlobalAveragePooling2DSparse';
  constructor(args: SparseGlobalPoolingArgs = {}) {
    super(args, 'GlobalAveragePooling2DSparse', 'avg');
  }
}

export class GlobalMaxPooling2DSparse extends SparseGlobalPooling2D {
  static className = 'GlobalMaxPooling2DSparse';
  constructor(args: SparseGlobalPoolingArgs = {}) {
    super(args, 'GlobalMaxPooling2DSparse', 'max');
  }
}
