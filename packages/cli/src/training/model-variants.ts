/** The paper's model family (docs/paper-models.md#architectures): the standard CNN and sparse t/s/m/l. */
export interface ModelVariant {
  readonly name: string;
  /** InputReduce capacity N; undefined = the standard (dense) CNN. */
  readonly nMax?: number;
}

export const MODEL_VARIANTS: readonly ModelVariant[] = Object.freeze([
  { name: 'sparse-t', nMax: 8 },
  { name: 'sparse-s', nMax: 12 },
  { name: 'sparse-m', nMax: 16 },
  { name: 'sparse-l', nMax: 20 },
  { name: 'standard' },
]);
