import { globalReciprocalTable, reciprocalType } from '@sparsepixels/core';
import { preparedReciprocalBits } from '@sparsepixels/ir';
import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { accumTypedef } from './weights-and-bias';

/**
 * SparseGlobalPooling2D: per channel the max or the average over the active slots, a dense vector
 * out (sp_sparse_global_pool2d.h). avg: the reciprocal table r_k = floor(2^F/k)/2^F, k = 0..N_MAX,
 * emitted as constants (core's globalReciprocalTable), indexed by the active count.
 */
export const sparseGlobalPooling2dEmitter: BuiltinEmitter<'SparseGlobalPooling2D'> = {
  op: 'SparseGlobalPooling2D',
  headers: ['sp_sparse_global_pool2d.h'],
  template: layerTemplate('sparse-global-pooling2d'),
  view(ctx) {
    const nMax = ctx.input.nMax!;
    const base = { nMax, nChan: ctx.input.shape[2], poolMode: ctx.attrs.mode };
    if (ctx.attrs.mode === 'max') return base;
    const recipBits = preparedReciprocalBits(ctx.attrs, ctx.layer.name);
    const accumType = accumTypedef(ctx, ctx.precision.accum!);
    const rType = reciprocalType(recipBits);
    const recipType = ctx.typedef(`table${ctx.index}_t`, rType, `${ctx.layer.name} reciprocal r_k`);
    const recipTable = ctx.constant({
      name: `inv_table${ctx.index}`,
      typeName: recipType,
      type: rType,
      raws: globalReciprocalTable(nMax, recipBits),
      comment: `${ctx.layer.name} reciprocals floor(2^${recipBits}/k)/2^${recipBits}, k = 0..${nMax}`,
    });
    return { ...base, recipBits, accumType, recipType, recipTable };
  },
};
