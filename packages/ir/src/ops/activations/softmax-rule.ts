import { apUfixed, defaultSoftmaxConfig } from '@sparsepixels/core';
import type { ActivationRule } from './activation-rule';

/**
 * Table-based softmax (core softmax.ts documents the scheme). table 'auto' = the exp and reciprocal
 * table type of core's default config (ap_ufixed<17,1,AP_RND,AP_SAT>); accum 'auto' = its sum type
 * for the row length (ap_ufixed<17+b,1+b,AP_TRN,AP_SAT>, b = ceil(log2 n)); result 'auto' =
 * ap_ufixed<16,0,AP_RND,AP_SAT> (probabilities, saturating just below 1).
 */
export const softmaxRule: ActivationRule<'softmax'> = {
  name: 'softmax',
  precisions: ['table', 'accum'],
  usesTables: true,
  needsVector: true,
  inferPrecision(ctx, rowLength) {
    const d = ctx.declared;
    const config = defaultSoftmaxConfig(rowLength);
    const table = d.table !== undefined && d.table !== 'auto' ? d.table : config.expType;
    const accum = d.accum !== undefined && d.accum !== 'auto' ? d.accum : config.sumType;
    const result = d.result !== undefined && d.result !== 'auto' ? d.result : apUfixed(16, 0, 'AP_RND', 'AP_SAT');
    return { result, table, accum };
  },
};
