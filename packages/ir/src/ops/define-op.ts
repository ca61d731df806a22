import type { AttrSpecs, Attrs, LayerOf, OpDef } from './op-def';
import { attrsSchemaOf } from './check-attrs';
import type { TensorKind, TensorOfKind } from './tensor-info';

/**
 * The op as its author writes it: everything but the schema, which comes from `attrs`. The name,
 * attributes and tensor kinds are inferred from `type`, `attrs`, `inputKind` and `outputKind`
 * only (NoInfer elsewhere), so hooks written against looser context types do not widen them.
 */
export type OpSpec<
  T extends string,
  S extends AttrSpecs,
  IK extends TensorKind,
  OK extends TensorKind,
> = Omit<
  OpDef<
    NoInfer<T>,
    LayerOf<NoInfer<T>, NoInfer<S>>,
    Attrs<NoInfer<S>>,
    TensorOfKind<NoInfer<IK>>,
    TensorOfKind<NoInfer<OK>>
  >,
  'type' | 'attrs' | 'attrsSchema' | 'inputKind' | 'outputKind'
> & {
  readonly type: T;
  readonly attrs: S;
  readonly inputKind: IK;
  readonly outputKind: OK;
};

/** What defineOp returns: the op with its attribute declaration kept at its precise type. */
export type DefinedOp<
  T extends string,
  S extends AttrSpecs,
  IK extends TensorKind,
  OK extends TensorKind,
> = OpDef<T, LayerOf<T, S>, Attrs<S>, TensorOfKind<IK>, TensorOfKind<OK>> & { readonly attrs: S };

/**
 * Declares an op once. From `attrs` (descriptors made with `attr.*`) come the JSON Schema fragment
 * of the layer's `attrs` (attrsSchema, and the committed model.v1.schema.json), the TypeScript
 * types of the layer and of its resolved attributes (LayerOfOp, AttrsOfOp), and the runtime check
 * that IR validation and the trainable layers share (checkAttrs). The hooks receive the typed
 * layer, its resolved attributes and its input tensors of the declared kind.
 */
export function defineOp<
  const T extends string,
  const S extends AttrSpecs,
  const IK extends TensorKind,
  const OK extends TensorKind,
>(spec: OpSpec<T, S, IK, OK>): DefinedOp<T, S, IK, OK> {
  return Object.freeze({
    ...spec,
    attrs: Object.freeze({ ...spec.attrs }),
    attrsSchema: attrsSchemaOf(spec.attrs),
  }) as DefinedOp<T, S, IK, OK>;
}
