import type { ActivationRule } from './activation-rule';
import { linearRule, reluRule } from './pass-through-rules';
import { sigmoidRule } from './sigmoid-rule';
import { softmaxRule } from './softmax-rule';

/** The activations of the Activation and SparseActivation ops; the kernels are core's, by name. */
export const ACTIVATION_RULES = Object.freeze([reluRule, linearRule, sigmoidRule, softmaxRule] as const);

export function activationRule(name: string): ActivationRule | undefined {
  return ACTIVATION_RULES.find((r) => r.name === name);
}
