import './register-layers';

// Backend
export { selectBackend, backendInfo, BACKENDS } from './backend/select-backend';
export type { BackendChoice, BackendName, SelectBackendOptions } from './backend/select-backend';

// Quantizers
export { quantizedBits } from './quantizers/quantized-bits';
export type { QuantizedBitsOptions } from './quantizers/quantized-bits';
export { quantizedRelu } from './quantizers/quantized-relu';
export { fixedQuantizer } from './quantizers/fixed-quantizer';
export { QUANTIZERS, toQuantizer } from './quantizers/quantizer-registry';
export { MAX_QUANTIZER_BITS } from './quantizers/quantizer';
export type { Quantizer, QuantizerJson, GradientRule } from './quantizers/quantizer';

// Layers
export { QuantizeInput } from './layers/quantize-input';
export type { QuantizeInputArgs } from './layers/quantize-input';
export { InputReduce, thresholdOnGrid } from './layers/input-reduce';
export type { InputReduceArgs } from './layers/input-reduce';
export { QConv2DSparse } from './layers/qconv2d-sparse';
export type { QConv2DSparseArgs } from './layers/qconv2d-sparse';
export { SparseActivation } from './layers/sparse-activation';
export type { SparseActivationArgs } from './layers/sparse-activation';
export { AveragePooling2DSparse, MaxPooling2DSparse } from './layers/sparse-pooling2d';
export type { SparsePoolingArgs } from './layers/sparse-pooling2d';
export { SparseFlatten } from './layers/sparse-flatten';
export { GlobalAveragePooling2DSparse, GlobalMaxPooling2DSparse, type SparseGlobalPoolingArgs } from './layers/sparse-global-pooling2d';
export { QDense } from './layers/qdense';
export type { QDenseArgs } from './layers/qdense';
export { QActivation } from './layers/qactivation';
export type { QActivationArgs } from './layers/qactivation';
export { QConv2D } from './layers/qconv2d';
export type { QConv2DArgs } from './layers/qconv2d';
export { QAveragePooling2D, QAveragePooling2D as AveragePooling2D } from './layers/qaverage-pooling2d';
export type { QAveragePooling2DArgs } from './layers/qaverage-pooling2d';
export type { WeightedArgs } from './layers/weighted-args';
export type { SparseLayerArgs, Grid } from './layers/sparse-layer';
export type { ActivationSpec } from './layers/activation-spec';
export { LAYER_CLASSES, EXPORTABLE } from './registry';
export { registerLayers } from './register-layers';

// Save and load
export { fileSystemHandler, saveModel, loadModel } from './io/file-system-handler';

// Export to the IR
export { exportIR, exportPrepared, exportDocument } from './export/export-ir';
export type { ExportIROptions } from './export/export-ir';

// Models of the paper's architectures
export { buildCnn } from './models/build-cnn';
export type { BuildCnnOptions } from './models/build-cnn';
export { NEUTRINO, JET, DIGITS, ARCHITECTURES } from './models/cnn-architectures';
export type { CnnArchitecture, CnnBlock } from './models/cnn-architectures';

// Pruning (magnitude, quantization-aware, with schedules)
export { Pruner, pruneModel } from './prune/pruner';
export type { PruneOptions, PruneReport, PruneTensorReport } from './prune/pruner';
export { MaskedOptimizer } from './prune/masked-optimizer';
export { magnitudeMasks, prunedCount } from './prune/magnitude-masks';
export type { PruneScope, RankedTensor } from './prune/magnitude-masks';
export { PRUNABLE_LAYERS, pruneTargets } from './prune/prune-targets';
export type { PruneTarget, TargetOptions } from './prune/prune-targets';
export { parsePruneSchedule, resolveSchedule, sparsityAt, updateEpochs, finalMaskEpoch, checkSparsity } from './prune/prune-schedule';
export type { PruneSchedule, OneShotSchedule, PolynomialSchedule, ResolvedSchedule } from './prune/prune-schedule';

// Training and evaluation
export { fit, trainStep, predictProbs, epochSummary } from './train/fit';
export type { FitOptions, FitHistory, EpochLog, EarlyStoppingOptions } from './train/fit';
export { evaluate, firmwareOutputs } from './train/evaluate';
export type { Evaluation, MetricReport } from './train/evaluate';
export { accuracy, rocAuc, predictedClasses } from './train/metrics';
export { shuffledOrder } from './train/batches';
export type { Dataset } from './train/batches';
export { progressSink, silentProgress } from './train/progress';
export type { ProgressSink, BatchStats } from './train/progress';
