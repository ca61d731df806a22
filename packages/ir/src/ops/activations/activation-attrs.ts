import { DEFAULT_TABLE_SIZE } from '@sparsepixels/core';
import { attr } from '../attr-descriptors';
import type { Attrs } from '../op-def';
import { ACTIVATION_RULES } from './activation-rules';

/** Attributes of the Activation and SparseActivation ops: the function and its table size. */
export const ACTIVATION_ATTRS = Object.freeze({
  activation: attr.enum(
    ACTIVATION_RULES.map((r) => r.name),
    { description: 'relu, linear, sigmoid (table) or softmax (exp and reciprocal tables)' },
  ),
  tableSize: attr.optional(
    attr.int({
      min: 2,
      max: 65536,
      powerOfTwo: true,
      description: 'Entries of the sigmoid/softmax tables (a power of two; default 1024)',
    }),
    DEFAULT_TABLE_SIZE,
  ),
});

export type ActivationAttrs = Attrs<typeof ACTIVATION_ATTRS>;
