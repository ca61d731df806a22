import type { LayerContext } from '../layer-emitter';
import { indexTable, typesAndBias } from './weights-and-bias';

/**
 * Dense with a reuse factor R > 1 (sp_dense.h, dense_reuse): the non-zero terms of each output j
 * (inputs ascending) are cut into R consecutive chunks of L_j = ceil(nz_j / R). The kernel has
 * block = sum of L_j lanes, each with one multiplier feeding always the same output (`w<i>_lane`);
 * iteration r gives every lane its r-th entry (`w<i>`, `w<i>_index`: the weight and its input, or
 * input n_in for a padding entry that adds nothing). Zero weights have no entry, and each output
 * still sums its inputs in ascending order.
 */
export function denseReuseTables(ctx: LayerContext, nIn: number, nOut: number, r: number) {
  const i = ctx.index;
  const name = ctx.layer.name;
  const t = typesAndBias(ctx, [nIn, nOut]);
  const terms = Array.from({ length: nOut }, (_, j) =>
    [...Array(nIn).keys()].filter((x) => t.kernel[x * nOut + j] !== 0),
  );
  const perLane = terms.map((list) => Math.ceil(list.length / r));
  const lanes = perLane.flatMap((l, j) => new Array<number>(l).fill(j));
  const inputs: number[] = [];
  const values: number[] = [];
  for (let step = 0; step < r; step++) {
    terms.forEach((list, j) => {
      for (let l = 0; l < perLane[j]!; l++) {
        const x = list[step * perLane[j]! + l];
        inputs.push(x ?? nIn);
        values.push(x === undefined ? 0 : t.kernel[x * nOut + j]!);
      }
    });
  }
  const nNz = terms.reduce((a, list) => a + list.length, 0);
  const shape = `shape [${nIn}, ${nOut}] (n_in, n_out)`;
  const weightVar = ctx.constant({
    name: `w${i}`,
    typeName: t.weightType,
    type: t.weightFixed,
    values: values.length > 0 ? values : [0],
    comment: `${name} kernel ${shape}: its ${nNz} non-zero weights as ${r} iterations x ${lanes.length} lanes (0 where a lane has no term)`,
  });
  const index = indexTable(ctx, `w${i}_index`, inputs, Math.max(nIn + 1, nOut), `${name} kernel: the input of each entry of w${i} (${nIn}: no term)`);
  const laneVar = index.table(`w${i}_lane`, lanes, `${name} kernel: the output each of the ${lanes.length} lanes feeds`);
  return {
    accumType: t.accumType,
    weightType: t.weightType,
    biasType: t.biasType,
    biasVar: t.biasVar,
    weightVar,
    indexType: index.indexType,
    indexVar: index.indexVar,
    laneVar,
    nNz,
    reuse: { factor: r, block: lanes.length },
  };
}
