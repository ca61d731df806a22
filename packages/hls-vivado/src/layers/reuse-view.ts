import { SparsePixelsError } from '@sparsepixels/core';
import type { LayerContext } from '../layer-emitter';

/**
 * Template fields of a kernel with a reuse factor: the function to call (`<kernel>` or
 * `<kernel>_reuse`) and, for R > 1, the config members reuse_factor and block = ceil(n / R) (the
 * items one pipelined iteration handles). A model-wide R above a layer's `n` is clamped to `n` for
 * that layer (one item per iteration); the layer's own R above `n` is refused.
 */
export function reuseView(
  ctx: LayerContext,
  n: number,
  what: string,
  kernel: string,
): { kernel: string; reuse: { factor: number; block: number } | null } {
  const own = ctx.layer.build?.reuseFactor !== undefined;
  const r = own ? ctx.reuseFactor : Math.min(ctx.reuseFactor, n);
  if (r <= 1) return { kernel, reuse: null };
  if (r > n) {
    throw new SparsePixelsError(
      'SP_HLS_UNSUPPORTED',
      `reuseFactor ${r} exceeds ${what} = ${n} of the layer (at most ${n})`,
      `layer "${ctx.layer.name}"`,
    );
  }
  return { kernel: `${kernel}_reuse`, reuse: { factor: r, block: Math.ceil(n / r) } };
}
