/** Neutrino vs cosmic windows (63x63 LArTPC-like), the paper's headline task; metric ROC AUC. */
import { NEUTRINO } from '@sparsepixels/layers';
import { neutrinoGenerator } from 'sparsepixels';
import { PAPER_VARIANTS, type ExampleConfig } from '../shared/example-config';

export const neutrinoExample: ExampleConfig = {
  name: 'neutrino',
  title: 'Neutrino vs cosmic (63x63)',
  generator: neutrinoGenerator,
  architecture: NEUTRINO,
  integer: 2,
  seed: 1219,
  ci: {
    train: 600,
    validation: 100,
    test: 300,
    variants: PAPER_VARIANTS.filter((v) => ['standard', 'sparse-t', 'sparse-m'].includes(v.label)),
    sparseTraining: { epochs: 10, batchSize: 16, learningRate: 3e-3, patience: false },
    standardTraining: { epochs: 2, batchSize: 32, learningRate: 1e-2, patience: false },
    csimEvents: 50,
  },
  full: {
    train: 6000,
    validation: 1000,
    test: 2000,
    variants: PAPER_VARIANTS,
    sparseTraining: { epochs: 30, batchSize: 32, learningRate: 3e-3, patience: 6 },
    standardTraining: { epochs: 8, batchSize: 32, learningRate: 3e-3, patience: 3 },
    csimEvents: 200,
  },
};
