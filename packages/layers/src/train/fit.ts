/**
 * fit(model, data, options): mini-batch training with Adam, a progress bar (events/s, loss,
 * accuracy), validation after every epoch and early stopping on the validation loss (restoring
 * the best weights), as the paper's notebooks train (Adam 1e-3, batch 128, patience 15).
 */
import * as tf from '@tensorflow/tfjs';
import { gatherBatch, shuffledOrder, type Dataset } from './batches';
import { FusedAdam } from './fused-adam';
import { MaskedOptimizer } from '../prune/masked-optimizer';
import { Pruner, type PruneOptions, type PruneReport } from '../prune/pruner';
import { crossEntropy, targetsFor } from './losses';
import { accuracy, rocAuc } from './metrics';
import { progressSink, silentProgress, type ProgressSink } from './progress';

export interface EarlyStoppingOptions {
  patience?: number;
  minDelta?: number;
  restoreBest?: boolean;
}

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  optimizer?: tf.Optimizer;
  validation?: Dataset;
  /** Early stopping on the validation loss (train loss without validation data); false = off. */
  earlyStopping?: EarlyStoppingOptions | false;
  /** Shuffling seed. */
  seed?: number;
  /** true/false, or a custom sink; default: a bar when stderr is a terminal, summary lines otherwise. */
  progress?: boolean | ProgressSink;
  /**
   * Magnitude pruning during training (packages/layers/README.md#pruning): options (masks follow
   * their schedule over `epochs`), or a Pruner whose masks are already set (e.g. from pruneModel),
   * kept fixed. Early stopping only considers epochs trained with the final masks.
   */
  prune?: PruneOptions | Pruner;
}

export interface EpochLog {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
  /** Binary models only. */
  readonly valAuc?: number;
  readonly eventsPerSecond: number;
  readonly seconds: number;
  /** With pruning: fraction of the prunable weights the masks removed during this epoch. */
  readonly sparsity?: number;
}

export interface FitHistory {
  readonly epochs: EpochLog[];
  readonly stoppedEarly: boolean;
  /** Epoch whose weights the model holds at the end. */
  readonly bestEpoch: number;
  /** With pruning: the masks and zero counts at the end. */
  readonly prune?: PruneReport;
}

function outputUnits(model: tf.LayersModel): number {
  return (model.outputs[0]!.shape[1] as number | null) ?? 1;
}

/** One optimizer step on a batch; returns the loss and the batch's predictions. */
export function trainStep(model: tf.LayersModel, optimizer: tf.Optimizer, x: tf.Tensor, targets: tf.Tensor): { loss: number; probs: Float32Array } {
  let probs: Float32Array = new Float32Array(0);
  const loss = optimizer.minimize(() => {
    const p = model.apply(x, { training: true }) as tf.Tensor;
    probs = p.dataSync() as Float32Array;
    return crossEntropy(targets, p);
  }, true)!;
  const value = loss.dataSync()[0]!;
  loss.dispose();
  return { loss: value, probs };
}

/** Probabilities of the inference forward pass (firmware tables for sigmoid/softmax). */
export function predictProbs(model: tf.LayersModel, data: Dataset, batchSize = 512): Float32Array {
  const eventShape = model.inputs[0]!.shape.slice(1) as number[];
  const eventSize = eventShape.reduce((a, b) => a * b, 1);
  const count = data.x.length / eventSize;
  const units = outputUnits(model);
  const out = new Float32Array(count * units);
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * eventSize, (start + n) * eventSize), [n, ...eventShape]);
      out.set((model.predict(x) as tf.Tensor).dataSync(), start * units);
    });
  }
  return out;
}

function validate(model: tf.LayersModel, data: Dataset): Pick<EpochLog, 'valLoss' | 'valAccuracy' | 'valAuc'> {
  const units = outputUnits(model);
  const probs = predictProbs(model, data);
  const valLoss = tf.tidy(() => crossEntropy(targetsFor(data.y, units), tf.tensor2d(probs, [data.y.length, units])).dataSync()[0]!);
  return { valLoss, valAccuracy: accuracy(probs, data.y, units), ...(units === 1 ? { valAuc: rocAuc(probs, data.y) } : {}) };
}

function sinkOf(p: FitOptions['progress']): ProgressSink {
  if (p === false) return silentProgress;
  if (p === true || p === undefined) return progressSink();
  return p;
}

export async function fit(model: tf.LayersModel, data: Dataset, options: FitOptions = {}): Promise<FitHistory> {
  const { epochs = 10, batchSize = 128, seed = 1219 } = options;
  // bit-identical to tf.train.adam, much cheaper per step (see fused-adam.ts)
  const baseOptimizer = options.optimizer ?? new FusedAdam(options.learningRate ?? 1e-3);
  const pruner = options.prune === undefined || options.prune instanceof Pruner ? options.prune : new Pruner(model, options.prune, epochs);
  const optimizer = pruner ? new MaskedOptimizer(baseOptimizer, pruner) : baseOptimizer;
  const es = options.earlyStopping === false ? undefined : { patience: 15, minDelta: 1e-3, restoreBest: true, ...options.earlyStopping };
  const sink = sinkOf(options.progress);
  const eventShape = model.inputs[0]!.shape.slice(1) as number[];
  const units = outputUnits(model);
  const count = data.y.length;
  const logs: EpochLog[] = [];
  let best = { loss: Infinity, epoch: 0, weights: undefined as tf.Tensor[] | undefined };
  let stoppedEarly = false;
  let xBuf: Float32Array | undefined;
  for (let epoch = 1; epoch <= epochs && !stoppedEarly; epoch++) {
    pruner?.beginEpoch(epoch);
    const order = shuffledOrder(count, seed + epoch);
    const t0 = performance.now();
    let lossSum = 0;
    let correct = 0;
    sink.startEpoch(epoch, epochs, count);
    for (let start = 0; start < count; start += batchSize) {
      const n = Math.min(batchSize, count - start);
      const { x, y, values } = gatherBatch(data, eventShape, order, start, n, xBuf);
      const targets = targetsFor(y, units);
      const step = trainStep(model, optimizer, x, targets);
      tf.dispose([x, targets]);
      xBuf = values; // free to refill now that x is disposed
      lossSum += step.loss * n;
      correct += accuracy(step.probs, y, units) * n;
      const done = start + n;
      sink.update(done, { eventsPerSecond: done / ((performance.now() - t0) / 1000), loss: lossSum / done, metric: correct / done });
      await new Promise((r) => setImmediate(r)); // let the bar redraw
    }
    const seconds = (performance.now() - t0) / 1000;
    const log: EpochLog = { epoch, loss: lossSum / count, accuracy: correct / count, eventsPerSecond: count / seconds, seconds, ...(options.validation ? validate(model, options.validation) : {}), ...sparsityField(pruner) };
    logs.push(log);
    sink.endEpoch(epochSummary(log, epochs));
    const monitored = log.valLoss ?? log.loss;
    if (pruner && !pruner.isFinal(epoch)) continue; // masks still change: not a candidate, no patience
    if (es && monitored < best.loss - es.minDelta) {
      tf.dispose(best.weights ?? []);
      best = { loss: monitored, epoch, weights: es.restoreBest ? model.getWeights().map((w) => w.clone()) : undefined };
    } else if (es && epoch - best.epoch >= es.patience) stoppedEarly = true;
  }
  if (es?.restoreBest && best.weights && best.epoch !== logs.length) model.setWeights(best.weights);
  tf.dispose(best.weights ?? []);
  const prune = pruner?.report();
  if (pruner && pruner !== options.prune) pruner.dispose();
  return { epochs: logs, stoppedEarly, bestEpoch: es?.restoreBest && best.epoch > 0 ? best.epoch : logs.length, ...(prune ? { prune } : {}) };
}

function sparsityField(p: Pruner | undefined): Pick<EpochLog, 'sparsity'> {
  if (!p) return {};
  const r = p.report();
  return { sparsity: r.masked / r.count };
}

export function epochSummary(l: EpochLog, epochs: number): string {
  const val = l.valLoss === undefined ? '' : ` | val loss ${l.valLoss.toFixed(4)} acc ${l.valAccuracy!.toFixed(3)}${l.valAuc === undefined ? '' : ` auc ${l.valAuc.toFixed(3)}`}`;
  const sp = l.sparsity === undefined ? '' : ` | sparsity ${l.sparsity.toFixed(3)}`;
  return `epoch ${l.epoch}/${epochs}: ${Math.round(l.eventsPerSecond)} ev/s | loss ${l.loss.toFixed(4)} acc ${l.accuracy.toFixed(3)}${val}${sp}`;
}
