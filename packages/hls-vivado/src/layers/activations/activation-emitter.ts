import type { AnyLayerIR, AttrsOfType } from '@sparsepixels/ir';
import type { LayerContext } from '../../layer-emitter';

/** What an activation emitter sees: a layer of Activation or SparseActivation (same attributes). */
export type ActivationContext = LayerContext<AnyLayerIR, AttrsOfType<'Activation'>>;

/** A config struct member: `static const <type> <name> = <value>;`. */
export interface ConfigConstant {
  readonly type: 'unsigned' | 'int' | 'bool';
  readonly name: string;
  readonly value: string | number | boolean;
}

/** Fields of the activation partial that depend on the function. */
export interface ActivationView {
  /** C++ function in namespace sp. */
  readonly fn: string;
  readonly constants?: readonly ConfigConstant[];
  readonly types?: readonly { readonly name: string; readonly type: string }[];
  /** Extra call arguments (table arrays). */
  readonly tables?: readonly string[];
}

/** How one activation function of the Activation op is emitted. */
export interface ActivationEmitter {
  readonly name: string;
  view(ctx: ActivationContext, rowLength: number): ActivationView;
}
