/**
 * Builds the sparse (InputReduce + QConv2DSparse + AveragePooling2DSparse + SparseFlatten) or the
 * standard (QConv2D + QAveragePooling2D + Flatten) quantized CNN of an architecture. Every weight
 * uses quantizedBits(bits, integer), activations quantizedRelu(bits, integer) fused into their
 * layer, and pool results an unsigned grid, so every value a layer stores is exact in float32 and the
 * forward pass is the firmware's computation.
 */
import * as tf from '@tensorflow/tfjs';
import { InputReduce } from '../layers/input-reduce';
import { QActivation } from '../layers/qactivation';
import { QAveragePooling2D } from '../layers/qaverage-pooling2d';
import { QConv2D } from '../layers/qconv2d';
import { QConv2DSparse } from '../layers/qconv2d-sparse';
import { QDense } from '../layers/qdense';
import { QuantizeInput } from '../layers/quantize-input';
import { SparseFlatten } from '../layers/sparse-flatten';
import { AveragePooling2DSparse } from '../layers/sparse-pooling2d';
import { quantizedBits } from '../quantizers/quantized-bits';
import { quantizedRelu } from '../quantizers/quantized-relu';
import type { CnnArchitecture } from './cnn-architectures';

export interface BuildCnnOptions {
  /** InputReduce capacity; omitted = the standard (dense) CNN. */
  readonly nMax?: number;
  /** quantizedBits / quantizedRelu width and integer bits (default 8, 2). */
  readonly bits?: number;
  readonly integer?: number;
  /** Input type (default: 'ap_ufixed<8,1>' for 8-bit models, else 'ap_fixed<16,6>'). */
  readonly inputType?: string;
  /**
   * Quantize pooling results to ap_ufixed<min(2*bits, 24), integer> (default true): the average of
   * a few pixels is far below the activation grid, so the pool keeps twice the bits.
   */
  readonly quantizePools?: boolean;
  readonly seed?: number;
  readonly name?: string;
}

type Sym = tf.SymbolicTensor | tf.SymbolicTensor[];

export function buildCnn(arch: CnnArchitecture, o: BuildCnnOptions = {}): tf.LayersModel {
  const bits = o.bits ?? 8;
  const integer = o.integer ?? 2;
  const sparse = o.nMax !== undefined;
  const wq = () => quantizedBits(bits, integer);
  const poolQ = o.quantizePools === false ? undefined : quantizedBits(Math.min(2 * bits, 24), integer, { keepNegative: false });
  let seed = o.seed ?? 1219;
  const input = tf.input({ shape: [...arch.input], name: 'x_in' });
  const inputType = o.inputType ?? (bits <= 8 ? 'ap_ufixed<8,1>' : 'ap_fixed<16,6>');
  let x: Sym = new QuantizeInput({ type: inputType, name: 'quantize' }).apply(input) as Sym;
  if (sparse) x = new InputReduce({ nMax: o.nMax!, threshold: arch.threshold, name: 'reduce' }).apply(x) as Sym;
  let nConv = 0;
  let nPool = 0;
  for (const block of arch.blocks) {
    if ('conv' in block) {
      const args = { ...block.conv, kernelQuantizer: wq(), biasQuantizer: wq(), activation: quantizedRelu(bits, integer), seed: seed++, name: `conv${++nConv}` };
      x = (sparse ? new QConv2DSparse(args) : new QConv2D(args)).apply(x) as Sym;
    } else {
      const args = { poolSize: block.pool, quantizer: poolQ, name: `pool${++nPool}` };
      x = (sparse ? new AveragePooling2DSparse(args) : new QAveragePooling2D(args)).apply(x) as Sym;
    }
  }
  x = (sparse ? new SparseFlatten({ name: 'flatten' }) : tf.layers.flatten({ name: 'flatten' })).apply(x) as Sym;
  arch.hidden.forEach((units, i) => {
    x = new QDense({ units, kernelQuantizer: wq(), biasQuantizer: wq(), activation: quantizedRelu(bits, integer), seed: seed++, name: `fc${i + 1}` }).apply(x) as Sym;
  });
  x = new QDense({ units: arch.outputUnits, kernelQuantizer: wq(), biasQuantizer: wq(), seed: seed++, name: 'logits' }).apply(x) as Sym;
  const out = new QActivation({ activation: arch.outputActivation, name: 'out' }).apply(x) as tf.SymbolicTensor;
  const name = o.name ?? `${arch.name}_${sparse ? `sparse_n${o.nMax}` : 'standard'}_${bits}b`;
  return tf.model({ inputs: input, outputs: out, name });
}
