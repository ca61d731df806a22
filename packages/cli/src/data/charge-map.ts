import type { Rng } from './prng';

/**
 * A 2D map of deposited charge on an H x W pixel grid, in the units of the final image (1.0 =
 * a saturated pixel). Continuous coordinates: pixel (h, w) covers [h, h+1) x [w, w+1).
 * Particles are painted one at a time; each finished particle gets per-pixel Landau-like
 * fluctuations before it is added, so a track's charge varies from pixel to pixel.
 */
export class ChargeMap {
  readonly q: Float64Array;
  private readonly pending = new Map<number, number>();

  constructor(
    readonly height: number,
    readonly width: number,
  ) {
    this.q = new Float64Array(height * width);
  }

  /** True when (h, w) lies on the grid. */
  inside(h: number, w: number): boolean {
    return h >= 0 && w >= 0 && h < this.height && w < this.width;
  }

  /** Adds charge at a continuous position to the particle being painted (ignored off-grid). */
  deposit(h: number, w: number, charge: number): void {
    if (!this.inside(h, w)) return;
    const i = Math.floor(h) * this.width + Math.floor(w);
    this.pending.set(i, (this.pending.get(i) ?? 0) + charge);
  }

  /** Adds charge straight to the map (no fluctuation), e.g. an isolated blip. */
  depositDirect(h: number, w: number, charge: number): void {
    if (!this.inside(h, w)) return;
    this.q[Math.floor(h) * this.width + Math.floor(w)]! += charge;
  }

  /**
   * Ends the current particle: each touched pixel's charge is scaled by `0.72 + 0.2 * moyal`
   * (mean ~0.97, long upper tail, floor 0.35), a Landau-like spread of ionisation per pixel.
   */
  commit(rng: Rng): void {
    for (const [i, charge] of this.pending) {
      const f = Math.max(0.35, 0.72 + 0.2 * rng.moyal());
      this.q[i]! += charge * f;
    }
    this.pending.clear();
  }

  /** Spreads a fraction `s` of each pixel's charge to each of its 4 neighbours (diffusion). */
  diffuse(s: number): void {
    const { height: H, width: W, q } = this;
    const src = Float64Array.from(q);
    for (let h = 0; h < H; h++) {
      for (let w = 0; w < W; w++) {
        const v = src[h * W + w]!;
        if (v === 0) continue;
        let kept = v;
        for (const [dh, dw] of NEIGHBOURS) {
          const hh = h + dh;
          const ww = w + dw;
          if (hh < 0 || ww < 0 || hh >= H || ww >= W) continue;
          q[hh * W + ww]! += s * v;
          kept -= s * v;
        }
        q[h * W + w]! += kept - v;
      }
    }
  }
}

const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];
