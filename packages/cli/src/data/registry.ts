import type { EventGenerator } from './dataset';
import { digitsGenerator } from './digits';
import { jetGenerator } from './jet';
import { neutrinoGenerator } from './neutrino';

/** The built-in dataset generators, in the order the CLI lists them. */
export const DATASETS: readonly EventGenerator[] = Object.freeze([
  neutrinoGenerator,
  jetGenerator,
  digitsGenerator,
]);

export function findDataset(name: string): EventGenerator | undefined {
  return DATASETS.find((d) => d.name === name);
}
