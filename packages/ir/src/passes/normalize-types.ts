import { formatType, parseType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { LayerIR, PrecisionIR, PrecisionKey } from '../model';
import type { Pass, PassContext } from './pass';

/** The canonical spelling of a type string, or undefined after reporting why it does not parse. */
function canonical(s: string, where: string, ctx: PassContext): string | undefined {
  try {
    return formatType(parseType(s));
  } catch (e) {
    ctx.report(DIAGNOSTICS.badTypeString.at(where, (e as Error).message));
    return undefined;
  }
}

function normalizePrecision(layer: LayerIR, i: number, ctx: PassContext): LayerIR {
  if (!layer.precision) return layer;
  let changed = false;
  const out: PrecisionIR = {};
  for (const [key, value] of Object.entries(layer.precision) as [PrecisionKey, string][]) {
    const c = value === 'auto' ? value : (canonical(value, `/layers/${i}/precision/${key}`, ctx) ?? value);
    if (c !== value) changed = true;
    out[key] = c;
  }
  return changed ? { ...layer, precision: out } : layer;
}

/** Parses every type string (hls4ml spellings accepted) and writes it in canonical form. */
export const normalizeTypesPass: Pass = {
  name: 'normalize-types',
  description: "type strings parse and are rewritten canonically ('fixed<8,3>' -> 'ap_fixed<8,3>')",
  run(model, ctx) {
    let input = model.input;
    if (input.type === 'auto') ctx.report(DIAGNOSTICS.autoNotAllowed.at('/input/type', 'the input type'));
    else {
      const t = canonical(input.type, '/input/type', ctx);
      if (t !== undefined && t !== input.type) input = { ...input, type: t };
    }
    const layers = model.layers.map((l, i) => normalizePrecision(l, i, ctx));
    const changed = input !== model.input || layers.some((l, i) => l !== model.layers[i]);
    return changed ? { ...model, input, layers } : model;
  },
};
