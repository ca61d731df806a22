/** Neutrino vs cosmic windows (63x63 LArTPC-like), the paper's headline task; metric ROC AUC. */
import { NEUTRINO } from '@sparsepixels/layers';
import { neutrinoGenerator } from 'sparsepixels';
import { paperExample, type ExampleConfig } from '../shared/example-config';

export const neutrinoExample: ExampleConfig = paperExample(
  {
    name: 'neutrino',
    title: 'Neutrino vs cosmic (63x63)',
    generator: neutrinoGenerator,
    architecture: NEUTRINO,
    integer: 2,
    seed: 1219,
  },
  {
    ci: { epochs: 2, batchSize: 32, learningRate: 1e-2, patience: false },
    full: { epochs: 8, batchSize: 32, learningRate: 3e-3, patience: 3 },
  },
);
