import { activationOp } from './activation';
import { averagePooling2dOp } from './average-pooling2d';
import { conv2dOp } from './conv2d';
import { denseOp } from './dense';
import { flattenOp } from './flatten';
import { inputReduceOp } from './input-reduce';
import type { OpDef } from './op-def';
import { sparseActivationOp } from './sparse-activation';
import { sparseConv2dOp } from './sparse-conv2d';
import { sparseFlattenOp } from './sparse-flatten';
import { sparsePooling2dOp } from './sparse-pooling2d';

/** The ops of IR version 1, in the order the schema lists them. Adding an op: one file + one line here. */
export const BUILTIN_OPS: readonly OpDef[] = Object.freeze([
  inputReduceOp, // SPEC §4.1
  sparseConv2dOp, // SPEC §4.2
  sparseActivationOp, // SPEC §4.3
  sparsePooling2dOp, // SPEC §4.4
  sparseFlattenOp, // SPEC §4.5
  denseOp, // SPEC §4.6
  activationOp, // SPEC §4.6
  conv2dOp, // standard baseline
  averagePooling2dOp, // standard baseline
  flattenOp, // standard baseline
]);
