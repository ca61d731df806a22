import { getActivation, type FixedActivation } from '@sparsepixels/core';
import type { CompileContext } from '../../interpret/runtime';
import { attr } from '../op-helpers';

/** Core's kernel for the layer's activation, prepared once with the resolved types. */
export function prepareActivation(ctx: CompileContext, rowLength: number): FixedActivation {
  const { precision, layer } = ctx;
  return getActivation(attr<string>(layer, 'activation')).prepareFixed({
    input: ctx.inputTypes[0]!,
    result: precision.result,
    table: precision.table,
    accum: precision.accum,
    tableSize: attr<number | undefined>(layer, 'tableSize'),
    rowLength,
    name: layer.name,
  });
}

/** Core's float kernel of the layer's activation. */
export function floatActivation(ctx: CompileContext) {
  return getActivation(attr<string>(ctx.layer, 'activation'));
}
