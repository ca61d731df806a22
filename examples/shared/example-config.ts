/**
 * What one example declares: its dataset generator, the paper's base architecture, the 8-bit
 * quantizer integer bits the paper used for that dataset, and the sizes of its two modes.
 */
import type { CnnArchitecture } from '@sparsepixels/layers';
import type { EventGenerator } from 'sparsepixels';

/** One model of the family: the standard CNN (no nMax) or a sparse variant with its pixel budget. */
export interface Variant {
  readonly label: string;
  readonly nMax?: number;
}

/** The paper's family: standard and sparse-t/s/m/l with N = 8/12/16/20. */
export const PAPER_VARIANTS: readonly Variant[] = Object.freeze([
  { label: 'standard' },
  { label: 'sparse-t', nMax: 8 },
  { label: 'sparse-s', nMax: 12 },
  { label: 'sparse-m', nMax: 16 },
  { label: 'sparse-l', nMax: 20 },
]);

export interface TrainingConfig {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Early-stopping patience on the validation loss (epochs); false = train every epoch. */
  readonly patience: number | false;
}

export interface ModeConfig {
  /** Events generated; split train / validation / test in this order. */
  readonly train: number;
  readonly validation: number;
  readonly test: number;
  readonly variants: readonly Variant[];
  /** Training of the sparse variants and of the standard CNN (slower, so often fewer epochs). */
  readonly sparseTraining: TrainingConfig;
  readonly standardTraining: TrainingConfig;
  /** Test events written into each HLS project and simulated in C. */
  readonly csimEvents: number;
}

export interface ExampleConfig {
  readonly name: string;
  readonly title: string;
  readonly generator: EventGenerator;
  readonly architecture: CnnArchitecture;
  /** quantizedBits(8, integer) / quantizedRelu(8, integer), as the paper's 8-bit model. */
  readonly integer: number;
  readonly seed: number;
  readonly ci: ModeConfig;
  readonly full: ModeConfig;
}

export type ModeName = 'ci' | 'full';

/** The training and test sizes the paper examples share: small CI runs, fuller runs on request. */
const PAPER_MODES: Readonly<Record<ModeName, ModeConfig>> = {
  ci: {
    train: 600,
    validation: 100,
    test: 300,
    variants: PAPER_VARIANTS.filter((v) => ['standard', 'sparse-t', 'sparse-m'].includes(v.label)),
    sparseTraining: { epochs: 10, batchSize: 16, learningRate: 3e-3, patience: false },
    standardTraining: { epochs: 10, batchSize: 16, learningRate: 1e-2, patience: false },
    csimEvents: 50,
  },
  full: {
    train: 6000,
    validation: 1000,
    test: 2000,
    variants: PAPER_VARIANTS,
    sparseTraining: { epochs: 30, batchSize: 32, learningRate: 3e-3, patience: 6 },
    standardTraining: { epochs: 20, batchSize: 32, learningRate: 3e-3, patience: 4 },
    csimEvents: 200,
  },
};

/**
 * A paper example: the shared modes, with the standard CNN's training per mode where the
 * example sets it (the standard CNN trains slower, so each dataset picks its own epochs).
 */
export function paperExample(
  example: Omit<ExampleConfig, ModeName>,
  standardTraining: Partial<Record<ModeName, TrainingConfig>> = {},
): ExampleConfig {
  const mode = (name: ModeName): ModeConfig => ({
    ...PAPER_MODES[name],
    standardTraining: standardTraining[name] ?? PAPER_MODES[name].standardTraining,
  });
  return { ...example, ci: mode('ci'), full: mode('full') };
}
