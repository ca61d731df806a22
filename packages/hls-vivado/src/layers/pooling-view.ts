import type { AnyLayerIR, AttrsOfType } from '@sparsepixels/ir';
import { preparedReciprocalBits } from '@sparsepixels/ir';
import type { LayerContext } from '../layer-emitter';
import { accumTypedef } from './weights-and-bias';

type PoolAttrs = AttrsOfType<'AveragePooling2D'> | AttrsOfType<'SparsePooling2D'>;

/**
 * The config fields of a P x P pooling (sp_avg_pool2d.h, sp_sparse_pool2d.h): the input's size, P,
 * the accumulator typedef (the input type when none is declared: max pooling has no accumulator but
 * the config still names one) and F of the reciprocal r = floor(2^F/P)/2^F (precision inference
 * writes it; 0 for max pooling, which does not use it).
 */
export function poolingView(ctx: LayerContext<AnyLayerIR, PoolAttrs>, average: boolean) {
  const [inHeight, inWidth, nChan] = ctx.input.shape;
  const accumType = accumTypedef(ctx, ctx.precision.accum ?? ctx.input.fixed);
  const recipBits = average ? preparedReciprocalBits(ctx.attrs, ctx.layer.name) : 0;
  return { inHeight, inWidth, nChan, poolSize: ctx.attrs.poolSize, accumType, recipBits };
}
