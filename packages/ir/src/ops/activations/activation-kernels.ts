import { getActivation, type FixedActivation } from '@sparsepixels/core';
import type { AnyLayerIR, CompileContext } from '../op-def';
import type { ActivationAttrs } from './activation-attrs';

/** Core's kernel for the layer's activation, prepared once with the resolved types. */
export function prepareActivation(ctx: CompileContext<AnyLayerIR, ActivationAttrs>, rowLength: number): FixedActivation {
  const { precision, attrs } = ctx;
  return getActivation(attrs.activation).prepareFixed({
    input: ctx.inputTypes[0]!,
    result: precision.result,
    table: precision.table,
    accum: precision.accum,
    tableSize: attrs.tableSize,
    rowLength,
    name: ctx.layer.name,
  });
}

/** Core's float kernel of the layer's activation. */
export function floatActivation(ctx: CompileContext<AnyLayerIR, ActivationAttrs>) {
  return getActivation(ctx.attrs.activation);
}
