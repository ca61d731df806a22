/**
 * Test vectors for sparse_dot_product from the TypeScript simulation: per output unit of a MAC layer
 * (Dense: the event; Conv2D: each pixel; SparseConv2D: each active slot) the input vector in index
 * order (tap, then input channel; zeros for padding and empty taps) and the expected raw outputs of
 * every channel (the zero-skip simulation's, which equal the interpreter's).
 *
 * The Verilog consumes terms in index order. For Dense and Conv2D that is the normative order; for
 * SparseConv2D it is when the window's non-zero neighbours appear in raster order (always at the
 * first sparse conv, whose slots InputReduce filled in raster order). Units where it is not are
 * counted and left out.
 */
import type { MacLayer } from '../ir-adapter';
import type { EventResult } from '../zero-skip/layer-sim';
import { outputUnits } from '../zero-skip/term-groups';

export interface DotVector {
  readonly x: readonly bigint[];
  readonly expected: readonly bigint[];
}

export interface UnitVectors {
  readonly vectors: DotVector[];
  /** SparseConv2D units left out because slot order is not tap order in their window. */
  readonly reordered: number;
}

export function unitVectors(
  l: MacLayer,
  x: readonly bigint[],
  ev: EventResult,
  hash?: Int32Array,
): UnitVectors {
  const vectors: DotVector[] = [];
  let reordered = 0;
  for (const u of outputUnits(l, x, hash)) {
    if (!u.active) continue;
    const v = new Array<bigint>(l.fanIn).fill(0n);
    let lastTap = -1;
    let ordered = true;
    for (const g of u.groups) {
      if (g.x < 0) continue;
      let nonZero = false;
      for (let c = 0; c < l.cin; c++) {
        const xv = x[g.x + c]!;
        if (xv !== 0n) {
          v[g.tap * l.cin + c] = xv;
          nonZero = true;
        }
      }
      if (nonZero) {
        if (g.tap < lastTap) ordered = false;
        lastTap = g.tap;
      }
    }
    if (!ordered) {
      reordered++;
      continue;
    }
    vectors.push({ x: v, expected: ev.zeroSkip.slice(u.out, u.out + l.cout) });
  }
  return { vectors, reordered };
}
