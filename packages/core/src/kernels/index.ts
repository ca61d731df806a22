export {
  inputReduceFloat,
  inputReduceFixed,
  inputReduceFixedBig,
  inputReduceFixedFromFloat,
} from './input-reduce';
export type { InputReduceOptions, InputReduceFixedOptions, InputReduceResult } from './input-reduce';
export { sparseConv2dFloat } from './sparse-conv2d';
export { forNeighbours } from './neighbour-window';
export type { SparseConv2dGeometry, SparseConv2dParams } from './sparse-conv2d';
export { prepareSparseConv2dFixed, sparseConv2dFixed, sparseConv2dFixedBig } from './sparse-conv2d-fixed';
export type { SparseConv2dFixedParams, PreparedSparseConv2d } from './sparse-conv2d-fixed';
export { sparsePool2dFloat, poolReciprocalRaw, assignPoolOwners, POOL_MODES, V1_RECIPROCAL_BITS } from './sparse-pool2d';
export type { PoolMode, SparsePool2dParams } from './sparse-pool2d';
export { sparsePool2dFixed, sparsePool2dFixedBig, poolAccumType, reciprocalType } from './sparse-pool2d-fixed';
export { isSlotActive } from './kernel-checks';
export type { SparsePool2dTypes, SparsePool2dFixedParams } from './sparse-pool2d-fixed';
export { sparseFlattenFloat, sparseFlattenFixed, sparseFlattenFixedBig } from './sparse-flatten';
export type { SparseFlattenParams, SparseFlattenFixedParams } from './sparse-flatten';
export { sparseActivationFloat, sparseActivationFixed, sparseActivationFixedBig } from './sparse-activation';
export { denseFloat } from './dense';
export type { DenseGeometry, DenseParams } from './dense';
export { prepareDenseFixed, denseFixed, denseFixedBig } from './dense-fixed';
export type { DenseFixedParams, PreparedDense } from './dense-fixed';
export { planMac } from './mac-plan';
export { rawConverter, rawConverterBig } from './raw-cast';
export type { MacStrategy, MacTypes } from './mac-plan';
export type { MacTypesInput, PreparedMac } from './mac-layer';
export { reluFloat, reluFixed, reluFixedBig, reluKernel } from './relu';
export { linearFloat, linearFixed, linearFixedBig, linearKernel } from './linear';
export {
  sigmoidFloat,
  sigmoidFixed,
  sigmoidFixedBig,
  sigmoidTable,
  sigmoidKernel,
  DEFAULT_TABLE_SIZE,
  DEFAULT_SIGMOID_TABLE_TYPE,
  MAX_INFERRED_TABLE_SIZE,
  tableSizeForInput,
} from './sigmoid';
export type { SigmoidTable, SigmoidTableConfig, SigmoidFixedTypes } from './sigmoid';
export { softmaxFloat, softmaxFixed, softmaxFixedBig, softmaxKernel } from './softmax';
export type { SoftmaxFixedTypes } from './softmax';
export { softmaxTables, defaultSoftmaxConfig } from './softmax-tables';
export type { SoftmaxConfig, SoftmaxTables } from './softmax-tables';
export { ACTIVATIONS, findActivation, getActivation } from './activation-registry';
export type {
  ActivationKernel,
  ActivationTypes,
  ActivationFixedOptions,
  FixedActivation,
} from './activation-kernel';
export {
  nonZeroPerRow,
  denseMacCounts,
  conv2dSameMacCounts,
  sparseConv2dMacCounts,
} from './mac-counts';
export type { EventMacCounts, Conv2dCountGeometry } from './mac-counts';
