import { DEFAULT_SIGMOID_TABLE_TYPE } from '@sparsepixels/core';
import type { ActivationRule } from './activation-rule';

/**
 * Table-based sigmoid (core sigmoid.ts documents the table and its exact indexing). table 'auto' =
 * ap_ufixed<16,0,AP_RND,AP_SAT> (core's default); result 'auto' = the table type, so the output is
 * the table entry itself.
 */
export const sigmoidRule: ActivationRule<'sigmoid'> = {
  name: 'sigmoid',
  precisions: ['table'],
  usesTables: true,
  needsVector: false,
  inferPrecision(ctx) {
    const d = ctx.declared;
    const table = d.table !== undefined && d.table !== 'auto' ? d.table : DEFAULT_SIGMOID_TABLE_TYPE;
    const result = d.result !== undefined && d.result !== 'auto' ? d.result : table;
    return { result, table };
  },
};
