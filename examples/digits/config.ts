/** Sparse digits (48x48 stroke-drawn digits, spread as in the paper); metric accuracy. */
import { DIGITS } from '@sparsepixels/layers';
import { digitsGenerator } from 'sparsepixels';
import { paperExample, type ExampleConfig } from '../shared/example-config';

export const digitsExample: ExampleConfig = paperExample({
  name: 'digits',
  title: 'Sparse digits, 10 classes (48x48)',
  generator: digitsGenerator,
  architecture: DIGITS,
  integer: 0,
  seed: 1221,
});
