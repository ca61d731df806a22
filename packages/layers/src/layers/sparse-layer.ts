/**
 * Base of the layers that take and give a sparse pair (features [B, N, C], hash [B, N, 2] int32
 * 1-based (h, w)). The logical grid H x W is not in the tensor shapes: a layer learns it when it
 * is applied to the output of another sparse producer (InputReduce or a SparseLayer), and keeps
 * it in its config (`grid`) so saved models carry it.
 */
import * as tf from '@tensorflow/tfjs';
import {
  checkRank,
  layerError,
  whereLayer,
  type ConfigDict,
  type Kwargs,
  type LayerArgs,
  type Shape,
} from './layer-base';

export type Grid = [number, number];

/** A layer whose output is a sparse pair on a known grid. */
export interface SparseProducer {
  sparseGrid(): Grid | undefined;
}

export function isSparseProducer(l: unknown): l is SparseProducer {
  return typeof (l as SparseProducer | undefined)?.sparseGrid === 'function';
}

export interface SparseLayerArgs extends LayerArgs {
  /** Input grid [H, W]; found automatically when applied to a sparse producer. */
  grid?: Grid;
}

type ApplyInput = Parameters<tf.layers.Layer['apply']>[0];

function sourceOf(inputs: ApplyInput): unknown {
  const first = Array.isArray(inputs) ? inputs[0] : inputs;
  return first instanceof tf.SymbolicTensor ? first.sourceLayer : undefined;
}

/** A layer that takes a sparse pair: tracks the input grid and checks the pair's shapes. */
export abstract class SparseConsumer extends tf.layers.Layer {
  protected gridIn: Grid | undefined;

  constructor(args: SparseLayerArgs = {}) {
    super(args);
    this.gridIn = args.grid ? [args.grid[0], args.grid[1]] : undefined;
  }

  /** Checks the grid once known (kernel or pool size against it). */
  protected checkGrid(_grid: Grid): void {}

  protected where(): string {
    return whereLayer(this, this.getClassName());
  }

  /** The input grid, or an error naming the layer when it is still unknown. */
  protected grid(): Grid {
    if (!this.gridIn) {
      throw layerError(this.where(), 'grid size unknown; apply the layer to the output of InputReduce or another sparse layer, or pass `grid`');
    }
    return this.gridIn;
  }

  override apply(inputs: ApplyInput, kwargs?: Kwargs): ReturnType<tf.layers.Layer['apply']> {
    const src = sourceOf(inputs);
    if (isSparseProducer(src)) {
      const g = src.sparseGrid();
      if (g) this.gridIn = g;
    } else if (src !== undefined) {
      throw layerError(this.where(), `expects the sparse pair (features, hash) of InputReduce or a sparse layer, got the output of layer "${(src as tf.layers.Layer).name}"`);
    }
    if (this.gridIn) this.checkGrid(this.gridIn);
    return super.apply(inputs, kwargs);
  }

  /** Checks the (features, hash) shapes and returns them. */
  protected pairShapes(s: Shape | Shape[]): [Shape, Shape] {
    const where = this.where();
    if (!Array.isArray(s[0]) || s.length !== 2) {
      throw layerError(where, 'expects the sparse pair [features, hash] (two tensors) as input');
    }
    const [f, h] = s as Shape[];
    checkRank(f!, 3, 'features input', '[batch, slots, channels]', where);
    checkRank(h!, 3, 'hash input', '[batch, slots, 2]', where);
    if (h![2] !== 2 || h![1] !== f![1]) {
      throw layerError(where, `hash input has shape [${h!.join(', ')}]; expected [batch, ${f![1]}, 2] to match the features`);
    }
    return [f!, h!];
  }

  /** The concrete pair of a call, checked. */
  protected pairTensors(inputs: tf.Tensor | tf.Tensor[]): [tf.Tensor, tf.Tensor] {
    if (!Array.isArray(inputs) || inputs.length !== 2) {
      throw layerError(this.where(), 'expects the sparse pair [features, hash] (two tensors) as input');
    }
    const [x, h] = inputs as [tf.Tensor, tf.Tensor];
    this.pairShapes([x.shape, h.shape]);
    return [x, h];
  }

  override getConfig(): ConfigDict {
    const base = super.getConfig();
    return this.gridIn ? { ...base, grid: [...this.gridIn] } : base;
  }
}

/** A layer from a sparse pair to a sparse pair. */
export abstract class SparseLayer extends SparseConsumer implements SparseProducer {
  /** Output grid for an input grid (identity unless the layer pools). */
  protected outGrid(grid: Grid): Grid {
    return grid;
  }

  /** Output channels for input channels. */
  protected outChannels(cin: number): number {
    return cin;
  }

  /** The features computation on concrete tensors; returns features and, if it changes, the hash. */
  protected abstract callSparse(x: tf.Tensor, hash: Int32Array, kwargs: Kwargs): { feat: tf.Tensor; hash?: Int32Array };

  sparseGrid(): Grid | undefined {
    return this.gridIn ? this.outGrid(this.gridIn) : undefined;
  }

  override computeOutputShape(s: Shape | Shape[]): Shape[] {
    const [f, h] = this.pairShapes(s);
    return [[f[0]!, f[1]!, this.outChannels(f[2] as number)], h];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor[] {
    const [x, h] = this.pairTensors(inputs);
    const out = this.callSparse(x, h.dataSync() as Int32Array, kwargs);
    const hashOut = out.hash ? tf.tensor(out.hash, h.shape, 'int32') : h.clone();
    return [out.feat, hashOut];
  }
}
