/**
 * The paper's three base architectures (docs/paper-models.md#architectures), as data: a stack of
 * convolutions ('same', relu) and average pools, then hidden dense layers (relu) and the output.
 */
export type CnnBlock = { conv: { filters: number; kernelSize: number } } | { pool: number };

export interface CnnArchitecture {
  readonly name: string;
  /** [H, W, C]. */
  readonly input: readonly [number, number, number];
  readonly threshold: number;
  readonly blocks: readonly CnnBlock[];
  readonly hidden: readonly number[];
  readonly outputUnits: number;
  readonly outputActivation: 'sigmoid' | 'softmax';
}

export const NEUTRINO: CnnArchitecture = Object.freeze<CnnArchitecture>({
  name: 'neutrino',
  input: [63, 63, 1],
  threshold: 0,
  blocks: [{ conv: { filters: 1, kernelSize: 7 } }, { conv: { filters: 3, kernelSize: 7 } }, { pool: 7 }],
  hidden: [16],
  outputUnits: 1,
  outputActivation: 'sigmoid',
});

export const JET: CnnArchitecture = Object.freeze<CnnArchitecture>({
  name: 'jet',
  input: [56, 56, 1],
  threshold: 0,
  blocks: [{ conv: { filters: 3, kernelSize: 9 } }, { conv: { filters: 1, kernelSize: 9 } }, { pool: 4 }],
  hidden: [20],
  outputUnits: 5,
  outputActivation: 'softmax',
});

export const DIGITS: CnnArchitecture = Object.freeze<CnnArchitecture>({
  name: 'digits',
  input: [48, 48, 1],
  threshold: 0.4,
  blocks: [{ conv: { filters: 1, kernelSize: 7 } }, { pool: 4 }, { conv: { filters: 3, kernelSize: 5 } }, { pool: 2 }],
  hidden: [36],
  outputUnits: 10,
  outputActivation: 'softmax',
});

export const ARCHITECTURES: readonly CnnArchitecture[] = Object.freeze([NEUTRINO, JET, DIGITS]);
