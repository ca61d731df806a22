import { passThroughPrecision } from '../op-helpers';
import type { ActivationRule } from './activation-rule';

/** max(x, 0); result 'auto' = the input type. */
export const reluRule: ActivationRule<'relu'> = { name: 'relu', precisions: [], usesTables: false, needsVector: false, inferPrecision: passThroughPrecision };

/** Identity; result 'auto' = the input type. */
export const linearRule: ActivationRule<'linear'> = { name: 'linear', precisions: [], usesTables: false, needsVector: false, inferPrecision: passThroughPrecision };
