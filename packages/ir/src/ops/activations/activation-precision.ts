import { SparsePixelsError, tableSizeForInput } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../../diagnostics';
import { passThroughPrecision } from '../op-helpers';
import type { AnyLayerIR, PrecisionContext, ResolvedPrecision } from '../op-def';
import type { ActivationAttrs } from './activation-attrs';
import { activationRule } from './activation-rules';

type Ctx = PrecisionContext<AnyLayerIR, ActivationAttrs>;

/** Reports an option the layer's function does not use (honoured or refused, never ignored). */
function refuse(ctx: Ctx, key: string, why: string): void {
  ctx.report(DIAGNOSTICS.attrNotApplicable.at(`${ctx.where}/${key}`, ctx.layer.name, key.replace('attrs/', '').replace('precision/', 'precision.'), why));
}

/**
 * The precision rule of Activation and SparseActivation: the function's own rule, or with
 * `output: 'logits'` (sigmoid/softmax only) the pass-through rule of linear, refusing the table
 * options that then have no table to act on.
 */
export function activationPrecision(ctx: Ctx, rowLength: number): ResolvedPrecision | undefined {
  const rule = activationRule(ctx.attrs.activation);
  if (!rule) return undefined;
  if (ctx.attrs.output !== 'logits') return rule.inferPrecision(ctx, rowLength);
  if (!rule.usesTables) {
    refuse(ctx, 'attrs/output', `'logits' applies to sigmoid and softmax only, not ${rule.name}`);
    return undefined;
  }
  const why = "has no effect with output 'logits' (there is no table)";
  if (ctx.attrs.tableSize !== undefined) refuse(ctx, 'attrs/tableSize', why);
  for (const k of ['table', 'accum'] as const) if (ctx.declared[k] !== undefined) refuse(ctx, `precision/${k}`, why);
  return passThroughPrecision(ctx);
}

/** The table size a sigmoid/softmax layer gets when it names none: from its input type (tableSizeForInput). */
export function activationAttrs(ctx: Ctx): { tableSize?: number } | undefined {
  const rule = activationRule(ctx.attrs.activation);
  const x = ctx.inputTypes[0];
  if (!rule?.usesTables || ctx.attrs.output === 'logits' || ctx.attrs.tableSize !== undefined || !x) return undefined;
  return { tableSize: tableSizeForInput(x) };
}

/**
 * The table size of a prepared sigmoid/softmax layer (precision inference always writes it); a
 * layer that did not go through prepareModel is refused (SP7002).
 */
export function preparedTableSize(attrs: { readonly tableSize?: number }, layerName: string): number {
  if (attrs.tableSize !== undefined) return attrs.tableSize;
  const d = DIAGNOSTICS.notPrepared.at('', `layer "${layerName}" has no tableSize`);
  throw new SparsePixelsError(d.code, d.message);
}
