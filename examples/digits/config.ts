/** Sparse digits (48x48 stroke-drawn digits, spread as in the paper); metric accuracy. */
import { DIGITS } from '@sparsepixels/layers';
import { digitsGenerator } from 'sparsepixels';
import { PAPER_VARIANTS, type ExampleConfig } from '../shared/example-config';

export const digitsExample: ExampleConfig = {
  name: 'digits',
  title: 'Sparse digits, 10 classes (48x48)',
  generator: digitsGenerator,
  architecture: DIGITS,
  integer: 0,
  seed: 1221,
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
