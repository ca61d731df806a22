import { attr } from '../attr-descriptors';
import type { Attrs } from '../op-def';
import { ACTIVATION_RULES } from './activation-rules';

/** What a sigmoid/softmax layer outputs: the table values, or its input unchanged (logits). */
export const ACTIVATION_OUTPUTS = Object.freeze(['probabilities', 'logits'] as const);

/** Attributes of the Activation and SparseActivation ops: the function, its table size and its output. */
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
      description:
        'Entries of the sigmoid/softmax tables (a power of two); absent = from the input type: 2^(F+4), one entry per representable input, at least 1024 and at most 65536 (v1 documents: 1024)',
    }),
  ),
  output: attr.optional(
    attr.enum(ACTIVATION_OUTPUTS, {
      description:
        "sigmoid/softmax only: 'probabilities' (the tables) or 'logits' (no table: the input, converted to the result type; decisions are logit > 0 for one unit, else the first largest)",
    }),
    'probabilities',
  ),
});

export type ActivationAttrs = Attrs<typeof ACTIVATION_ATTRS>;
