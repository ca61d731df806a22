export { SparsePixelsError, check } from './errors';
// the fixed-point arithmetic: its folder's index is the list (core's own modules import it too)
export * from './fixed/index';
export { conv2dSameFloat, conv2dSameFixed, conv2dSameFixedBig, prepareConv2dSameFixed } from './kernels/baseline/conv2d-same';
export type {
  Conv2dSameGeometry,
  Conv2dSameParams,
  Conv2dSameFixedParams,
  PreparedConv2dSame,
} from './kernels/baseline/conv2d-same';
export { averagePool2dFloat, averagePool2dFixed, averagePool2dFixedBig } from './kernels/baseline/average-pool2d';
export type { AveragePool2dParams, AveragePool2dFixedParams } from './kernels/baseline/average-pool2d';
export { flattenFloat, flattenFixed, flattenFixedBig } from './kernels/baseline/flatten';
export type { FlattenFixedTypes } from './kernels/baseline/flatten';
export { createSparseTensor, createSparseTensorBig } from './sparse/create-sparse-tensor';
export type { SparseShape, SparseTensor, Activity } from './sparse/sparse-tensor';
export {
  inputReduceFloat,
  inputReduceFixed,
  inputReduceFixedBig,
  inputReduceFixedFromFloat,
} from './kernels/input-reduce';
export type { InputReduceOptions, InputReduceFixedOptions, InputReduceResult } from './kernels/input-reduce';
export { sparseConv2dFloat } from './kernels/sparse-conv2d';
export { forNeighbours } from './kernels/neighbour-window';
export type { SparseConv2dGeometry, SparseConv2dParams } from './kernels/sparse-conv2d';
export { prepareSparseConv2dFixed, sparseConv2dFixed, sparseConv2dFixedBig } from './kernels/sparse-conv2d-fixed';
export type { SparseConv2dFixedParams, PreparedSparseConv2d } from './kernels/sparse-conv2d-fixed';
export { sparsePool2dFloat, poolReciprocalRaw, assignPoolOwners, POOL_MODES, V1_RECIPROCAL_BITS } from './kernels/sparse-pool2d';
export type { PoolMode, SparsePool2dParams } from './kernels/sparse-pool2d';
export { sparsePool2dFixed, sparsePool2dFixedBig, poolAccumType, reciprocalType } from './kernels/sparse-pool2d-fixed';
export { isSlotActive } from './kernels/kernel-checks';
export type { SparsePool2dTypes, SparsePool2dFixedParams } from './kernels/sparse-pool2d-fixed';
export { sparseFlattenFloat, sparseFlattenFixed, sparseFlattenFixedBig } from './kernels/sparse-flatten';
export type { SparseFlattenParams, SparseFlattenFixedParams } from './kernels/sparse-flatten';
export { sparseActivationFloat, sparseActivationFixed, sparseActivationFixedBig } from './kernels/sparse-activation';
export { denseFloat } from './kernels/dense';
export type { DenseGeometry, DenseParams } from './kernels/dense';
export { prepareDenseFixed, denseFixed, denseFixedBig } from './kernels/dense-fixed';
export type { DenseFixedParams, PreparedDense } from './kernels/dense-fixed';
export { planMac } from './kernels/mac-plan';
export { rawConverter, rawConverterBig } from './kernels/raw-cast';
export type { MacStrategy, MacTypes } from './kernels/mac-plan';
export type { MacTypesInput, PreparedMac } from './kernels/mac-layer';
export { reluFloat, reluFixed, reluFixedBig, reluKernel } from './kernels/relu';
export { linearFloat, linearFixed, linearFixedBig, linearKernel } from './kernels/linear';
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
} from './kernels/sigmoid';
export type { SigmoidTable, SigmoidTableConfig, SigmoidFixedTypes } from './kernels/sigmoid';
export { softmaxFloat, softmaxFixed, softmaxFixedBig, softmaxKernel } from './kernels/softmax';
export type { SoftmaxFixedTypes } from './kernels/softmax';
export { softmaxTables, defaultSoftmaxConfig } from './kernels/softmax-tables';
export type { SoftmaxConfig, SoftmaxTables } from './kernels/softmax-tables';
export { ACTIVATIONS, findActivation, getActivation } from './kernels/activation-registry';
export type {
  ActivationKernel,
  ActivationTypes,
  ActivationFixedOptions,
  FixedActivation,
} from './kernels/activation-kernel';
export {
  nonZeroPerRow,
  denseMacCounts,
  conv2dSameMacCounts,
  sparseConv2dMacCounts,
} from './kernels/mac-counts';
export type { EventMacCounts, Conv2dCountGeometry } from './kernels/mac-counts';
export { sparseGlobalPool2dFloat, sparseGlobalPool2dFixed, sparseGlobalPool2dFixedBig, globalReciprocalRaw, globalReciprocalTable, globalPoolAccumType, type SparseGlobalPool2dParams, type SparseGlobalPool2dFixedParams } from './kernels/sparse-global-pool2d';
export {
  WEIGHT_STORE_FORMAT,
  WEIGHT_STORE_VERSION,
  storageBytes,
  indexWidth,
  segmentWidths,
  valueEncoding,
  hexDigits,
} from './weights/weight-store-format';
export type { WeightStoreMetadata, ChannelSegment, ValueEncoding } from './weights/weight-store-format';
export { encodeWeightStore } from './weights/encode-weight-store';
export type { WeightStoreInput, EncodedWeightStore, WeightStoreHex } from './weights/encode-weight-store';
export {
  decodeWeightStore,
  decodeWeightStoreHex,
  parseWeightStoreMetadata,
  METADATA_FILE,
} from './weights/decode-weight-store';
export type { DecodedWeightStore, WeightStoreBytes, WeightStoreText } from './weights/decode-weight-store';
export { writeLeWords, readLeWords, formatReadmemh, parseReadmemh } from './weights/le-words';
export { mix32, Xoshiro128 } from './random/xoshiro128';
export { mulberry32 } from './random/mulberry32';
export { sparseEventImages, sparseEventSlots } from './random/sparse-events';
export type { IntDraws, SparseEventSlots, SparseEventsOptions } from './random/sparse-events';
