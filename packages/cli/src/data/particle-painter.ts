import type { ChargeMap } from './charge-map';
import type { Rng } from './prng';

/** A charged track in image coordinates (pixels); angle 0 points along +w, pi/2 along +h. */
export interface TrackSpec {
  readonly h: number;
  readonly w: number;
  readonly angle: number;
  /** Path length in pixels (the track may leave the window earlier). */
  readonly length: number;
  /** Charge per pixel of path away from the end (a minimum-ionising track is ~0.26). */
  readonly dEdx: number;
  /** Smooth bending, radians per pixel. */
  readonly curvature?: number;
  /** Multiple-scattering kicks: rms radians per sqrt(pixel). */
  readonly scatter?: number;
  /** Whether the particle stops at its end (Bragg-like rise of dE/dx over the last pixels). */
  readonly stops?: boolean;
}

export interface TrackEnd {
  readonly h: number;
  readonly w: number;
  readonly angle: number;
  /** False when the track left the window before its end. */
  readonly contained: boolean;
}

const STEP = 0.25;

/** dE/dx multiplier at residual range r pixels: ~4x at the stopping point, ~1.2x ten pixels before. */
export function braggFactor(r: number): number {
  return 1 + 3 * Math.pow(1 + r, -1.2);
}

/** Paints one track as a single particle (one fluctuation pass) and returns where it ended. */
export function paintTrack(map: ChargeMap, rng: Rng, t: TrackSpec): TrackEnd {
  let { h, w, angle } = t;
  const steps = Math.max(1, Math.round(t.length / STEP));
  const kick = (t.scatter ?? 0) * Math.sqrt(STEP);
  let contained = true;
  for (let s = 0; s < steps; s++) {
    h += STEP * Math.sin(angle);
    w += STEP * Math.cos(angle);
    if (!map.inside(h, w)) {
      contained = false;
      break;
    }
    const residual = (steps - s - 1) * STEP;
    const factor = t.stops ? braggFactor(residual) : 1;
    map.deposit(h, w, STEP * t.dEdx * factor);
    angle += STEP * (t.curvature ?? 0) + (kick > 0 ? rng.normal(0, kick) : 0);
  }
  map.commit(rng);
  return { h, w, angle, contained };
}

/** An electromagnetic shower: energy in pixels of minimum-ionising track length. */
export interface ShowerSpec {
  readonly h: number;
  readonly w: number;
  readonly angle: number;
  readonly energy: number;
}

interface Branch {
  h: number;
  w: number;
  angle: number;
  energy: number;
  gap: number;
}

const MIP = 0.26;
const MAX_BRANCHES = 40;

/**
 * Paints a branching cone: each branch travels one pixel per unit of energy, now and then hands
 * part of its energy to a child at a small angle; neutral (photon) children travel a gap before
 * they deposit. Early, dense parts of the shower carry more charge than a single track.
 */
export function paintShower(map: ChargeMap, rng: Rng, s: ShowerSpec): void {
  const queue: Branch[] = [{ h: s.h, w: s.w, angle: s.angle, energy: s.energy, gap: 0 }];
  let made = 1;
  while (queue.length > 0) {
    const b = queue.pop()!;
    while (b.energy > 0.5 && map.inside(b.h, b.w)) {
      b.h += Math.sin(b.angle);
      b.w += Math.cos(b.angle);
      if (b.gap > 0) {
        b.gap -= 1;
        continue;
      }
      map.deposit(b.h, b.w, MIP * (1.1 + 0.04 * Math.min(b.energy, 15)));
      b.energy -= 1;
      b.angle += rng.normal(0, 0.12);
      if (made < MAX_BRANCHES && b.energy > 3 && rng.chance(0.16)) {
        const share = b.energy * rng.uniform(0.2, 0.5);
        b.energy -= share;
        const side = rng.chance(0.5) ? 1 : -1;
        const gap = rng.chance(0.5) ? rng.exponential(2.5) : 0;
        queue.push({
          h: b.h,
          w: b.w,
          angle: b.angle + side * Math.abs(rng.normal(0, 0.4)),
          energy: share,
          gap,
        });
        made++;
      }
    }
  }
  map.commit(rng);
}
