/**
 * Jet images (56x56, 5 classes g/q/W/Z/t); metric accuracy. 8-bit quantizers (8,2), as the
 * paper's retrained 8-bit jet weights: with (8,4) weights the grid is 1/8 and at these training
 * sizes the model stayed at chance (measured: accuracy 0.200 vs 0.603 with (8,2)).
 */
import { JET } from '@sparsepixels/layers';
import { jetGenerator } from 'sparsepixels';
import { paperExample, type ExampleConfig } from '../shared/example-config';

export const jetExample: ExampleConfig = paperExample(
  {
    name: 'jet',
    title: 'Jet images, 5 classes (56x56)',
    generator: jetGenerator,
    architecture: JET,
    integer: 2,
    seed: 1219,
  },
  {
    ci: { epochs: 3, batchSize: 32, learningRate: 1e-2, patience: false },
    full: { epochs: 8, batchSize: 32, learningRate: 3e-3, patience: 3 },
  },
);
