import { attrsOwnerOf, checkAttrs } from '../ops/check-attrs';
import { findOp } from '../ops/registry';
import type { Pass } from './pass';

/**
 * The semantic rules of the ops' attribute declarations (an odd kernel size, a power-of-two table
 * size). Types, ranges and names were checked with the schema (checkAttrs there too); the rules
 * come after so that one run also reports the shape and weight problems behind them.
 */
export const checkAttrsPass: Pass = {
  name: 'check-attrs',
  description: 'attribute rules declared by the ops (odd kernel, power-of-two tables)',
  run(model, ctx) {
    model.layers.forEach((layer, i) => {
      const op = findOp(layer.op);
      if (!op) return;
      const issues = checkAttrs(
        op,
        layer.attrs ?? {},
        attrsOwnerOf(layer.name, layer.op, `/layers/${i}/attrs`),
      );
      for (const issue of issues) if (issue.stage === 'rule') ctx.report(issue.diagnostic);
    });
    return model;
  },
};
