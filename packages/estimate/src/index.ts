// Estimates
export { estimateModel, estimateDocument } from './estimate';
export { estimateFacts, resolveDevice } from './design/estimate-design';
export type { EstimateOptions, DesignEstimate, LayerEstimate, Totals } from './design/estimate-design';
export { DEVICES, findDevice, knownParts } from './devices';
export type { Device } from './devices';

// The op estimator registry
export { BUILTIN_ESTIMATORS, findEstimator, registerEstimator, listEstimatorOps } from './ops/registry';
export type { OpEstimator, OpContext, LayerCost, KernelFlavour } from './ops/op-estimator';

// IR facts (the estimator's view of a model) and N_max variants
export { modelFacts, documentFacts, withNMax, modelNMax, standardTwin } from './ir-adapter';
export type { LayerFacts, ModelFacts, TensorFacts, BuiltinOpType } from './ir-adapter';

// Laws and coefficients
export { COEFFICIENTS } from './coefficients';
export type { Coefficients, HeldOutFigure } from './coefficients';
export { ALL_LAWS } from './laws/specs';
export type { LawSpec, FittedLaw } from './laws/law';
