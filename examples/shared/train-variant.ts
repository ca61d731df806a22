/**
 * Builds one model of the family (8-bit, the paper's architecture), trains it, and evaluates it
 * twice: the float forward pass and the firmware, through the bit-exact IR interpreter.
 */
import type { ModelIR } from '@sparsepixels/ir';
import { buildCnn, evaluate, exportPrepared, fit, type Evaluation, type FitHistory } from '@sparsepixels/layers';
import type { ExampleConfig, ModeConfig, Variant } from './example-config';
import { modelStats, type ModelStats } from './model-stats';
import type { Splits } from './split-dataset';

export interface TrainedVariant {
  readonly variant: Variant;
  readonly ir: ModelIR;
  readonly evaluation: Evaluation;
  readonly history: FitHistory;
  readonly stats: ModelStats;
  readonly trainSeconds: number;
}

/** IR/HLS names must be identifiers: `neutrino_sparse_m`, `neutrino_standard`. */
export function modelName(config: ExampleConfig, variant: Variant): string {
  return `${config.name}_${variant.label.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export async function trainVariant(
  config: ExampleConfig,
  mode: ModeConfig,
  variant: Variant,
  data: Splits,
  progress: boolean,
): Promise<TrainedVariant> {
  const model = buildCnn(config.architecture, {
    ...(variant.nMax === undefined ? {} : { nMax: variant.nMax }),
    bits: 8,
    integer: config.integer,
    seed: config.seed,
    name: modelName(config, variant),
  });
  const t = variant.nMax === undefined ? mode.standardTraining : mode.sparseTraining;
  const t0 = performance.now();
  const history = await fit(model, data.train, {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    validation: data.validation,
    earlyStopping: t.patience === false ? false : { patience: t.patience },
    seed: config.seed,
    progress,
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  // exported and prepared once, then interpreted and counted
  const prepared = exportPrepared(model, { name: modelName(config, variant) });
  const evaluation = evaluate(model, data.test, { ir: prepared });
  model.dispose();
  return { variant, ir: evaluation.ir, evaluation, history, stats: modelStats(prepared), trainSeconds };
}
