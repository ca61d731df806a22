/**
 * Training shared by `train` and `demo`: builds the paper's architecture for a dataset, fits it with
 * quantization-aware training (progress bar on a terminal, one line per epoch otherwise) and
 * evaluates it on held-out events with the bit-exact interpreter (the firmware's metric).
 */
import { SparsePixelsError } from '@sparsepixels/core';
import type { ModelIR } from '@sparsepixels/ir';
import type { Evaluation, FitHistory, ProgressSink, PruneOptions } from '@sparsepixels/layers';
import type * as tf from '@tensorflow/tfjs';
import type { CommandContext } from '../commands/command';

export interface Split {
  /** count * eventSize values. */
  readonly x: Float32Array;
  readonly y: Int32Array;
}

export interface TrainCnnOptions {
  readonly dataset: string;
  readonly nMax?: number;
  readonly bits: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  readonly name?: string;
  /** Magnitude pruning during training. */
  readonly prune?: PruneOptions;
}

export interface TrainedCnn {
  readonly model: tf.LayersModel;
  readonly history: FitHistory;
  readonly evaluation: Evaluation;
  readonly ir: ModelIR;
  readonly backend: string;
  readonly seconds: number;
}

function sink(layers: typeof import('@sparsepixels/layers'), ctx: CommandContext): ProgressSink {
  if (ctx.json) return layers.silentProgress;
  if (ctx.interactive) return layers.progressSink(ctx.progressStream);
  return { startEpoch() {}, update() {}, endEpoch: (line) => ctx.info(`  ${line}`) };
}

/**
 * Trains and evaluates. With `validation`, the weights of the epoch with the lowest validation
 * loss are kept (restored at the end); without, the last epoch's, and the test events are only
 * shown per epoch (never used to choose).
 */
export async function trainCnn(
  o: TrainCnnOptions,
  train: Split,
  test: Split,
  ctx: CommandContext,
  validation?: Split,
): Promise<TrainedCnn> {
  const layers = await import('@sparsepixels/layers');
  const backend = await layers.selectBackend();
  const arch = layers.ARCHITECTURES.find((a) => a.name === o.dataset);
  if (!arch) throw new SparsePixelsError('SP_CLI_USAGE', `no architecture for dataset '${o.dataset}'`);
  // 8-bit models: weights ap_fixed<8,3>, as the paper's; wider models keep more fraction bits.
  const model = layers.buildCnn(arch, {
    bits: o.bits,
    integer: 2,
    seed: o.seed,
    ...(o.nMax === undefined ? {} : { nMax: o.nMax }),
    ...(o.name ? { name: o.name } : {}),
  });
  const t0 = performance.now();
  const history = await layers.fit(model, train, {
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    validation: validation ?? test,
    // keep the best-validation checkpoint: never stop early, restore the best epoch's weights
    earlyStopping: validation ? { patience: Infinity, minDelta: 0, restoreBest: true } : false,
    seed: o.seed,
    progress: sink(layers, ctx),
    ...(o.prune ? { prune: o.prune } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  const evaluation = layers.evaluate(model, test);
  return { model, history, evaluation, ir: evaluation.ir, backend: backend.name, seconds };
}

/** A metric for JSON: null instead of NaN (an AUC of a one-class test set is undefined). */
export const finiteOrNull = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);

/** `accuracy 0.812 (float 0.810), AUC 0.871 (float 0.870)`: the firmware's metric first. */
export function metricLine(ev: Evaluation): string {
  const f = ev.float;
  const w = ev.firmware;
  const auc =
    w.auc === undefined
      ? ''
      : Number.isFinite(w.auc)
        ? `, AUC ${w.auc.toFixed(3)} (float ${f.auc!.toFixed(3)})`
        : ', AUC n/a (the test events hold one class only)';
  return `firmware accuracy ${w.accuracy.toFixed(3)} (float ${f.accuracy.toFixed(3)})${auc}`;
}
