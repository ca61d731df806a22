/**
 * An activation as layers accept it: a name ('relu', 'linear', and for QActivation 'sigmoid',
 * 'softmax') or a quantizer, which implies its own function (quantizedRelu = relu, quantizedBits =
 * linear) and the result type.
 */
import type { AttrsOfType } from '@sparsepixels/ir';
import { toQuantizer } from '../quantizers/quantizer-registry';
import type { Quantizer, QuantizerJson } from '../quantizers/quantizer';
import { outputStage, type OutputStage } from '../ops/output-stage';
import { layerError } from './layer-base';

export type ActivationSpec = string | Quantizer | QuantizerJson;

/** The activation functions of the IR's Activation and SparseActivation ops. */
export type ActivationName = AttrsOfType<'Activation'>['activation'];

export interface ParsedActivation {
  readonly name: ActivationName;
  readonly quantizer: Quantizer | undefined;
}

export function parseActivation(spec: ActivationSpec | null | undefined, allowed: readonly ActivationName[], where: string): ParsedActivation {
  if (spec === undefined || spec === null) return { name: 'linear', quantizer: undefined };
  if (typeof spec === 'string') {
    const name = allowed.find((a) => a === spec);
    if (!name) {
      throw layerError(where, `activation "${spec}" is not supported; allowed ${allowed.join(', ')} or a quantizer`);
    }
    return { name, quantizer: undefined };
  }
  const q = toQuantizer(spec, where)!;
  return { name: q.activation, quantizer: q };
}

export function serializeActivation(a: ParsedActivation): string | QuantizerJson {
  return a.quantizer ? a.quantizer.toJSON() : a.name;
}

export function stageOf(a: ParsedActivation): OutputStage {
  return outputStage(a.name === 'relu' ? 'relu' : 'linear', a.quantizer);
}
