/** Generates an example's seeded dataset and cuts it into train / validation / test sets. */
import type { Dataset } from '@sparsepixels/layers';
import { generateDataset } from 'sparsepixels';
import type { ExampleConfig, ModeConfig } from './example-config';

export interface Splits {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
  readonly pixels: number;
}

export function generateSplits(config: ExampleConfig, mode: ModeConfig): Splits {
  const count = mode.train + mode.validation + mode.test;
  const data = generateDataset(config.generator, { count, seed: config.seed });
  const pixels = config.generator.height * config.generator.width;
  const cut = (from: number, n: number): Dataset => ({
    x: data.x.subarray(from * pixels, (from + n) * pixels),
    y: data.y.subarray(from, from + n),
  });
  return {
    train: cut(0, mode.train),
    validation: cut(mode.train, mode.validation),
    test: cut(mode.train + mode.validation, mode.test),
    pixels,
  };
}
