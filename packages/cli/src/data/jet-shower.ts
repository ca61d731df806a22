import type { Rng } from './prng';

/** One jet constituent: offset from the jet axis in (eta, phi) ~ Delta R units, and pT in GeV. */
export interface Constituent {
  y: number;
  x: number;
  pt: number;
}

/** Fragmentation parameters of a parton kind: gluons radiate more, softer and wider than quarks. */
interface PartonKind {
  readonly baseCount: number;
  readonly countPer100GeV: number;
  readonly spread: number;
  readonly meanKt: number;
  readonly hardSplit: number;
}

export const QUARK: PartonKind = {
  baseCount: 6,
  countPer100GeV: 1.1,
  spread: 1.5,
  meanKt: 1.4,
  hardSplit: 0.3,
};
export const GLUON: PartonKind = {
  baseCount: 9,
  countPer100GeV: 2.2,
  spread: 1.15,
  meanKt: 2.3,
  hardSplit: 0.5,
};

const MAX_ANGLE = 0.8;

/**
 * Fragments a parton of `pt` GeV at (y, x) into constituents: log-normal momentum fractions, and
 * each constituent at an angle kT / (z pT) from the parton axis (soft particles go wide). A hard
 * emission (a second, softer prong at a random angle) happens with probability `hardSplit`, so
 * QCD jets sometimes look two-pronged, as real ones do.
 */
export function fragment(
  rng: Rng,
  out: Constituent[],
  kind: PartonKind,
  pt: number,
  y: number,
  x: number,
): void {
  if (rng.chance(kind.hardSplit)) {
    const z = Math.min(0.35, 0.04 / Math.max(0.1, rng.float())); // ~1/z spectrum, 0.04..0.35
    const angle = Math.exp(rng.uniform(Math.log(0.05), Math.log(0.45)));
    const phi = rng.uniform(0, 2 * Math.PI);
    const soft = { y: y + angle * Math.sin(phi), x: x + angle * Math.cos(phi) };
    fragmentOnce(rng, out, GLUON, z * pt, soft.y, soft.x);
    pt *= 1 - z;
  }
  fragmentOnce(rng, out, kind, pt, y, x);
}

function fragmentOnce(
  rng: Rng,
  out: Constituent[],
  kind: PartonKind,
  pt: number,
  y: number,
  x: number,
): void {
  const n = Math.max(1, kind.baseCount + rng.poisson((kind.countPer100GeV * pt) / 100));
  const weights: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const wgt = Math.exp(rng.normal(0, kind.spread));
    weights.push(wgt);
    total += wgt;
  }
  for (const wgt of weights) {
    const cpt = (pt * wgt) / total;
    const angle = Math.min(MAX_ANGLE, rng.exponential(kind.meanKt) / cpt);
    const phi = rng.uniform(0, 2 * Math.PI);
    out.push({ y: y + angle * Math.sin(phi), x: x + angle * Math.cos(phi), pt: cpt });
  }
}

/**
 * A boosted two-body decay of mass m and transverse momentum pt: daughters with momentum
 * fractions z and 1-z, separated by Delta R = m / (pt sqrt(z (1 - z))), placed so that their
 * pT-weighted centre is (y, x). Returns the daughters' positions and momenta.
 */
export function twoBody(
  rng: Rng,
  m: number,
  pt: number,
  z: number,
  y: number,
  x: number,
): [Constituent, Constituent] {
  const dr = m / (pt * Math.sqrt(z * (1 - z)));
  const phi = rng.uniform(0, 2 * Math.PI);
  const uy = Math.sin(phi);
  const ux = Math.cos(phi);
  return [
    { y: y - (1 - z) * dr * uy, x: x - (1 - z) * dr * ux, pt: z * pt },
    { y: y + z * dr * uy, x: x + z * dr * ux, pt: (1 - z) * pt },
  ];
}

/** Soft underlying-event / pile-up particles spread uniformly over the jet cone. */
export function underlyingEvent(rng: Rng, out: Constituent[], mean: number): void {
  const n = rng.poisson(mean);
  for (let i = 0; i < n; i++) {
    const r = MAX_ANGLE * Math.sqrt(rng.float());
    const phi = rng.uniform(0, 2 * Math.PI);
    out.push({ y: r * Math.sin(phi), x: r * Math.cos(phi), pt: rng.exponential(0.8) });
  }
}
