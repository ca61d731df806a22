export { convolve2d, createConvolver, type CallOptions, type Convolver } from './convolver';
export { fromDense, toDense } from './dense';
export { geometry, MODES, type Geometry } from './geometry';
export { METHODS } from './methods';
export { TOEPLITZ_MAX_ENTRIES } from './methods/precomputed';
export {
  chooseMethod,
  estimateOutput,
  featureVector,
  FEATURE_NAMES,
  predictMs,
  type CallFeatures,
  type Choice,
} from './auto/cost-model';
export { poolSize, shutdownThreads } from './threads/pool';
export type * from './types';
