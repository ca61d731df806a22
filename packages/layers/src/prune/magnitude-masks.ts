/**
 * Unstructured magnitude (L1) pruning masks, pure over arrays (packages/layers/README.md#pruning).
 *
 * Entries are ranked by the magnitude of their *quantized* value (what the firmware multiplies by),
 * smallest first; among equal quantized magnitudes the smaller float magnitude goes first, then the
 * tensor order, then the element order, so the ranking is total and deterministic. An entry pruned
 * before stays pruned (ranked before everything). The first k = round(s * n) entries are pruned:
 * over all tensors together (`global`: one threshold for the model) or per tensor (`layer`).
 */
import { checkSparsity } from './prune-schedule';

export type PruneScope = 'global' | 'layer';

export interface RankedTensor {
  /** |quantized value| of each entry (the ranking key). */
  readonly magnitude: ArrayLike<number>;
  /** |float value| of each entry (the tie-break). */
  readonly tieBreak: ArrayLike<number>;
  /** Current mask (1 keep, 0 pruned); pruned entries stay pruned. Omitted = all kept. */
  readonly mask?: Uint8Array;
}

/** How many of n entries a sparsity prunes: round(s * n), half away from zero. */
export function prunedCount(sparsity: number, n: number): number {
  return Math.round(checkSparsity(sparsity) * n);
}

function rankAndCut(
  tensors: readonly RankedTensor[],
  members: readonly number[],
  sparsity: number,
  out: Uint8Array[],
): void {
  const refs: [number, number][] = [];
  for (const t of members) for (let i = 0; i < tensors[t]!.magnitude.length; i++) refs.push([t, i]);
  const key = (t: number, i: number) => {
    const r = tensors[t]!;
    return r.mask && r.mask[i] === 0 ? -1 : (r.magnitude[i] as number);
  };
  refs.sort(([ta, ia], [tb, ib]) => {
    const d = key(ta, ia) - key(tb, ib);
    if (d !== 0) return d;
    const e = (tensors[ta]!.tieBreak[ia] as number) - (tensors[tb]!.tieBreak[ib] as number);
    return e !== 0 ? e : ta !== tb ? ta - tb : ia - ib;
  });
  const k = Math.max(prunedCount(sparsity, refs.length), countPruned(tensors, members));
  for (let r = 0; r < k; r++) {
    const [t, i] = refs[r]!;
    out[t]![i] = 0;
  }
}

function countPruned(tensors: readonly RankedTensor[], members: readonly number[]): number {
  let n = 0;
  for (const t of members) {
    const m = tensors[t]!.mask;
    if (m) for (let i = 0; i < m.length; i++) n += m[i] === 0 ? 1 : 0;
  }
  return n;
}

/** New masks (1 keep, 0 pruned), one per tensor, for the target sparsity. */
export function magnitudeMasks(
  tensors: readonly RankedTensor[],
  sparsity: number,
  scope: PruneScope,
): Uint8Array[] {
  checkSparsity(sparsity);
  const out = tensors.map((t) => new Uint8Array(t.magnitude.length).fill(1));
  if (scope === 'global')
    rankAndCut(
      tensors,
      tensors.map((_, t) => t),
      sparsity,
      out,
    );
  else tensors.forEach((_, t) => rankAndCut(tensors, [t], sparsity, out));
  return out;
}
