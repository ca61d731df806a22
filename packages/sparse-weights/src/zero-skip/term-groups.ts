/**
 * The terms of one output of a MAC layer, in the normative accumulation order
 * (docs/semantics.md#accumulation-order), as groups of C_in consecutive weight indices: group
 * (tap, x) stands for the terms w[tap*C_in + c] * input[x + c], c = 0..C_in-1.
 *
 * - Dense: one group, tap 0, all n_in inputs.
 * - Conv2D ('same', stride 1): taps kh, then kw; a tap outside the image reads zeros (`x = -1`).
 * - SparseConv2D: the slots j = 0..N-1 inside the K x K window of the output slot, ascending (active
 *   or not), each at the tap of its offset. Slot order is not tap order after pooling, so a
 *   sparse conv's terms are not in index order in general.
 */
import type { MacLayer } from '../ir-adapter';

export interface TermGroup {
  readonly tap: number;
  /** Offset of the group's first input value, or -1 for a padding tap (all zeros). */
  readonly x: number;
}

/** One output position: its groups and where its C_out outputs go. */
export interface OutputUnit {
  readonly groups: readonly TermGroup[];
  /** Index of the unit's first output value (unit-major, channel fastest). */
  readonly out: number;
  /** SparseConv2D: false for an inactive slot (its outputs are 0, nothing is computed). */
  readonly active: boolean;
}

/** The output units of one event; `hash` (1-based h, w per slot) for sparse inputs. */
export function outputUnits(l: MacLayer, x: readonly bigint[], hash?: Int32Array): OutputUnit[] {
  const { cin, cout, k } = l;
  if (l.kind === 'dense') return [{ groups: [{ tap: 0, x: 0 }], out: 0, active: true }];
  const r = (k - 1) >> 1;
  if (l.kind === 'conv2d') {
    const [h = 0, w = 0] = l.inputShape;
    const units: OutputUnit[] = [];
    for (let oh = 0; oh < h; oh++) {
      for (let ow = 0; ow < w; ow++) {
        const groups: TermGroup[] = [];
        for (let kh = 0; kh < k; kh++) {
          for (let kw = 0; kw < k; kw++) {
            const ih = oh + kh - r;
            const iw = ow + kw - r;
            const inside = ih >= 0 && ih < h && iw >= 0 && iw < w;
            groups.push({ tap: kh * k + kw, x: inside ? (ih * w + iw) * cin : -1 });
          }
        }
        units.push({ groups, out: (oh * w + ow) * cout, active: true });
      }
    }
    return units;
  }
  const n = l.nMax ?? 0;
  const hs = hash ?? new Int32Array(2 * n);
  const units: OutputUnit[] = [];
  for (let i = 0; i < n; i++) {
    let active = false;
    for (let c = 0; c < cin; c++) if (x[i * cin + c] !== 0n) active = true;
    const groups: TermGroup[] = [];
    if (active) {
      for (let j = 0; j < n; j++) {
        const dh = hs[2 * j]! - hs[2 * i]!;
        const dw = hs[2 * j + 1]! - hs[2 * i + 1]!;
        if (Math.abs(dh) <= r && Math.abs(dw) <= r) groups.push({ tap: (r + dh) * k + (r + dw), x: j * cin });
      }
    }
    units.push({ groups, out: i * cout, active });
  }
  return units;
}
