import { apUint, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import type { LayerContext } from '../layer-emitter';
import { hashBits } from '../layer-view';

/** Declares the layer's accumulator typedef `layer<N>_accum_t` and returns its name. */
export function accumTypedef(ctx: LayerContext, type: FixedType): string {
  return ctx.typedef(`layer${ctx.index}_accum_t`, type, `${ctx.layer.name} accumulator`);
}

/**
 * Declares the accumulator, weight and bias typedefs and the bias array of a layer with weights
 * (dense and conv layers), and returns their names for the template with the kernel's values.
 */
export function typesAndBias(ctx: LayerContext, kernelShape: readonly number[]) {
  const i = ctx.index;
  const name = ctx.layer.name;
  const p = ctx.precision;
  const accumType = accumTypedef(ctx, need(p['accum'], ctx, 'accum'));
  const weightFixed = need(p['weight'], ctx, 'weight');
  const weightType = ctx.typedef(`weight${i}_t`, weightFixed, `${name} weights`);
  // A layer without bias adds zeros of ap_uint<1> (as core's kernels and hls4ml do).
  const biasFixed = p['bias'] ?? apUint(1);
  const biasType = ctx.typedef(`bias${i}_t`, biasFixed, `${name} biases`);
  const nOut = kernelShape[kernelShape.length - 1] ?? 0;
  const kernelSize = kernelShape.reduce((a, b) => a * b, 1);
  const bias = ctx.layer.weights?.['bias'];
  const biasVar = ctx.constant({
    name: `b${i}`,
    typeName: biasType,
    type: biasFixed,
    values: bias?.values ?? new Array<number>(nOut).fill(0),
    comment: `${name} bias, shape [${nOut}]${bias ? '' : ' (none in the model: zeros)'}`,
  });
  const kernel: ArrayLike<number> = ctx.layer.weights?.['kernel']?.values ?? new Array<number>(kernelSize).fill(0);
  return { accumType, weightType, weightFixed, biasType, biasVar, kernel, kernelSize };
}

/** An index typedef `index<i>_t` wide enough for 0 .. n-1, and a constant table of such indices (one 0 when empty). */
export function indexTable(ctx: LayerContext, name: string, indices: readonly number[], n: number, comment: string) {
  const indexFixed: FixedType = apUint(hashBits(Math.max(1, n - 1)));
  const indexType = ctx.typedef(`index${ctx.index}_t`, indexFixed, `${ctx.layer.name} weight indices`);
  const table = (tableName: string, values: readonly number[], what: string) =>
    ctx.constant({
      name: tableName,
      typeName: indexType,
      type: indexFixed,
      raws: values.length > 0 ? values : [0],
      comment: values.length > 0 ? what : `${what} (none: one unused entry)`,
    });
  return { indexType, indexVar: table(name, indices, comment), table };
}

/**
 * Dense and Conv2D: only the non-zero weights are emitted (`w<i>`), with their Keras flat indices
 * in ascending order (`w<i>_index`), which is the normative accumulation order of every output;
 * the kernels have one product per entry, so a zero weight has no multiplication at all.
 */
export function nonZeroWeightsAndBias(ctx: LayerContext, kernelShape: readonly number[], layout: string) {
  const i = ctx.index;
  const name = ctx.layer.name;
  const t = typesAndBias(ctx, kernelShape);
  const nz: number[] = [];
  for (let k = 0; k < t.kernelSize; k++) if (t.kernel[k] !== 0) nz.push(k);
  const shape = `shape [${kernelShape.join(', ')}] (${layout})`;
  const weightVar = ctx.constant({
    name: `w${i}`,
    typeName: t.weightType,
    type: t.weightFixed,
    values: nz.length > 0 ? nz.map((k) => t.kernel[k]!) : [0],
    comment: `${name} kernel ${shape}: its ${nz.length} non-zero of ${t.kernelSize} weights${nz.length ? '' : ' (none: one unused entry)'}`,
  });
  const { indexType, indexVar } = indexTable(ctx, `w${i}_index`, nz, t.kernelSize, `${name} kernel: flat index of each non-zero weight in ${shape}, ascending`);
  return { accumType: t.accumType, weightType: t.weightType, biasType: t.biasType, biasVar: t.biasVar, weightVar, indexType, indexVar, nNz: nz.length };
}

/**
 * SparseConv2D: the whole kernel (`w<i>`, Keras layout; the tap between two slots is known only at
 * run time), the weight columns (c, f) with a non-zero tap as c * F + f ascending (`w<i>_cols`), and
 * per listed column one bit per tap, 1 where that weight is non-zero (`w<i>_taps`). The kernel
 * multiplies only in listed columns and adds a term only for a non-zero tap.
 */
export function sparseConvWeightsAndBias(ctx: LayerContext, kernelShape: readonly [number, number, number, number]) {
  const i = ctx.index;
  const name = ctx.layer.name;
  const [k, , c, f] = kernelShape;
  const t = typesAndBias(ctx, kernelShape);
  const shape = `shape [${kernelShape.join(', ')}] (kh, kw, cin, cout)`;
  const weightVar = ctx.constant({ name: `w${i}`, typeName: t.weightType, type: t.weightFixed, values: t.kernel, comment: `${name} kernel, ${shape}` });
  const cols: number[] = [];
  const taps: number[] = [];
  for (let col = 0; col < c * f; col++) {
    const bits = Array.from({ length: k * k }, (_, tap) => (t.kernel[tap * c * f + col] !== 0 ? 1 : 0));
    if (bits.some((b) => b)) {
      cols.push(col);
      taps.push(...bits);
    }
  }
  const { indexType, indexVar } = indexTable(ctx, `w${i}_cols`, cols, c * f, `${name} kernel: the ${cols.length} of ${c * f} columns (c * ${f} + f) with a non-zero weight, ascending`);
  const tapVar = ctx.constant({
    name: `w${i}_taps`,
    typeName: 'ap_uint<1>',
    type: apUint(1),
    raws: taps.length > 0 ? taps : new Array<number>(k * k).fill(0),
    comment: `${name} kernel: per listed column, 1 for each of its ${k * k} taps whose weight is non-zero`,
  });
  const nonZero = taps.reduce((a, b) => a + b, 0);
  return { accumType: t.accumType, weightType: t.weightType, biasType: t.biasType, biasVar: t.biasVar, weightVar, indexType, indexVar, tapVar, nCols: cols.length, nNz: nonZero };
}

function need<T>(value: T | undefined, ctx: LayerContext, key: string): T {
  if (value === undefined) {
    throw new SparsePixelsError(
      'SP_HLS_PRECISION',
      `no resolved ${key} precision (the model must go through prepareModel first)`,
      `layer "${ctx.layer.name}"`,
    );
  }
  return value;
}
