/**
 * The estimator of every op, keyed by op type. The built-in table must cover every IR v1 op
 * (checked by the compiler through `satisfies`); outside code adds estimators for the ops it
 * registers with ir's registerOp.
 */
import type { BuiltinOpType } from '../ir-adapter';
import { activationEstimator } from './activation';
import { denseEstimator } from './dense';
import { inputReduceEstimator } from './input-reduce';
import type { OpEstimator } from './op-estimator';
import { sparseActivationEstimator } from './sparse-activation';
import { sparseConv2dEstimator } from './sparse-conv2d';
import { sparseFlattenEstimator } from './sparse-flatten';
import { sparseGlobalPooling2dEstimator } from './sparse-global-pooling2d';
import { sparsePooling2dEstimator } from './sparse-pooling2d';
import { averagePooling2dEstimator, conv2dEstimator, flattenEstimator } from './standard';

export const BUILTIN_ESTIMATORS = Object.freeze({
  InputReduce: inputReduceEstimator,
  SparseConv2D: sparseConv2dEstimator,
  SparseActivation: sparseActivationEstimator,
  SparsePooling2D: sparsePooling2dEstimator,
  SparseFlatten: sparseFlattenEstimator,
  SparseGlobalPooling2D: sparseGlobalPooling2dEstimator,
  Dense: denseEstimator,
  Activation: activationEstimator,
  Conv2D: conv2dEstimator,
  AveragePooling2D: averagePooling2dEstimator,
  Flatten: flattenEstimator,
} satisfies { readonly [T in BuiltinOpType]: OpEstimator<T> });

const added = new Map<string, OpEstimator>();

export function findEstimator(op: string): OpEstimator | undefined {
  return (BUILTIN_ESTIMATORS as Record<string, OpEstimator>)[op] ?? added.get(op);
}

/** Adds the estimator of an op registered by outside code; returns a function that removes it. */
export function registerEstimator(estimator: OpEstimator): () => void {
  if (findEstimator(estimator.op))
    throw new Error(`an estimator for op "${estimator.op}" is already registered`);
  added.set(estimator.op, estimator);
  return () => {
    if (added.get(estimator.op) === estimator) added.delete(estimator.op);
  };
}

export function listEstimatorOps(): string[] {
  return [...Object.keys(BUILTIN_ESTIMATORS), ...added.keys()];
}
