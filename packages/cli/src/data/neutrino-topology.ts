import type { ChargeMap } from './charge-map';
import { paintShower, paintTrack } from './particle-painter';
import type { Rng } from './prng';

/** Charge per pixel of path of a minimum-ionising particle (pixel value units). */
export const MIP_DEDX = 0.235;

/**
 * A straight line at `angle` through a random point, crossing the whole window: [start h, start w,
 * chord length]. Lines that only clip a corner (chord under 40 % of the window) are drawn again.
 */
function crossingLine(map: ChargeMap, rng: Rng, angle: number): [number, number, number] {
  const H = map.height;
  const W = map.width;
  const dh = Math.sin(angle);
  const dw = Math.cos(angle);
  for (let attempt = 0; ; attempt++) {
    const ph = rng.uniform(0, H);
    const pw = rng.uniform(0, W);
    // walk back to the window edge, then measure the chord forward
    const back = exitDistance(H, W, ph, pw, -dh, -dw);
    const chord = back + exitDistance(H, W, ph, pw, dh, dw);
    if (chord >= 0.4 * Math.min(H, W) || attempt === 20) return [ph - back * dh, pw - back * dw, chord];
  }
}

function exitDistance(H: number, W: number, h: number, w: number, dh: number, dw: number): number {
  const th = dh > 0 ? (H - 1e-6 - h) / dh : dh < 0 ? -h / dh : Infinity;
  const tw = dw > 0 ? (W - 1e-6 - w) / dw : dw < 0 ? -w / dw : Infinity;
  return Math.min(th, tw);
}

/**
 * A cosmic muon: long, straight and steep (within ~20 degrees of the time axis, now and then
 * shallower), crossing edge to edge; sometimes it stops inside the window (Bragg rise plus a
 * Michel electron), and it kicks out short delta rays.
 */
export function paintCosmic(map: ChargeMap, rng: Rng): void {
  const tilt = rng.chance(0.8) ? rng.normal(0, 0.35) : rng.uniform(-1.1, 1.1);
  const angle = (rng.chance(0.5) ? Math.PI / 2 : -Math.PI / 2) + tilt;
  const [h, w, chord] = crossingLine(map, rng, angle);
  const stops = rng.chance(0.15);
  const length = stops ? chord * rng.uniform(0.35, 0.9) : chord + 2;
  const end = paintTrack(map, rng, {
    h,
    w,
    angle,
    length,
    dEdx: MIP_DEDX * rng.uniform(0.95, 1.1),
    stops,
    scatter: 0.004,
  });
  if (stops && end.contained) {
    paintTrack(map, rng, {
      h: end.h,
      w: end.w,
      angle: rng.uniform(0, 2 * Math.PI),
      length: rng.uniform(4, 14),
      dEdx: MIP_DEDX,
      scatter: 0.08,
    });
  }
  const deltas = rng.poisson(0.5);
  for (let i = 0; i < deltas; i++) {
    const f = rng.uniform(0.1, 0.9);
    const side = rng.chance(0.5) ? 1 : -1;
    paintTrack(map, rng, {
      h: h + f * length * Math.sin(angle),
      w: w + f * length * Math.cos(angle),
      angle: angle + side * rng.uniform(0.6, 1.4),
      length: rng.uniform(1.5, 4.5),
      dEdx: MIP_DEDX * 1.3,
      stops: true,
      scatter: 0.1,
    });
  }
  if (rng.chance(0.08)) {
    const f = rng.uniform(0.1, 0.9);
    const at = { h: h + f * length * Math.sin(angle), w: w + f * length * Math.cos(angle) };
    paintShower(map, rng, { ...at, angle: angle + rng.normal(0, 0.3), energy: rng.uniform(8, 25) });
  }
}

/**
 * A neutrino interaction: a vertex with a lepton (muon track, or an electron that showers) and
 * 1 to 4 hadrons (short, heavily ionising protons with a Bragg peak; longer, scattering pions),
 * sometimes a pi0 whose photons convert away from the vertex into showers.
 */
export function paintNeutrino(map: ChargeMap, rng: Rng): void {
  const margin = 10;
  const vh = rng.uniform(margin, map.height - margin);
  const vw = rng.uniform(margin, map.width - margin);
  const beam = rng.pick([0, Math.PI / 3, -Math.PI / 3]) + (rng.chance(0.5) ? 0 : Math.PI);
  const lepton = beam + rng.normal(0, 0.6);
  if (rng.chance(0.75)) {
    paintTrack(map, rng, {
      h: vh,
      w: vw,
      angle: lepton,
      length: rng.uniform(12, 55),
      dEdx: MIP_DEDX,
      stops: true,
      scatter: 0.01,
      curvature: rng.normal(0, 0.004),
    });
  } else {
    const e = paintTrack(map, rng, {
      h: vh,
      w: vw,
      angle: lepton,
      length: rng.uniform(2, 5),
      dEdx: MIP_DEDX,
    });
    paintShower(map, rng, { h: e.h, w: e.w, angle: e.angle, energy: rng.uniform(20, 60) });
  }
  const hadrons = 1 + rng.weighted([0.3, 0.35, 0.22, 0.13]);
  for (let i = 0; i < hadrons; i++) {
    const angle = beam + rng.normal(0, 1.3);
    if (rng.chance(0.55)) {
      const length = Math.min(25, 2 + rng.exponential(5));
      paintTrack(map, rng, {
        h: vh,
        w: vw,
        angle,
        length,
        dEdx: MIP_DEDX * rng.uniform(2, 3.2),
        stops: true,
        scatter: 0.02,
      });
    } else {
      paintTrack(map, rng, {
        h: vh,
        w: vw,
        angle,
        length: rng.uniform(8, 40),
        dEdx: MIP_DEDX,
        stops: true,
        scatter: 0.04,
        curvature: rng.normal(0, 0.01),
      });
    }
  }
  if (rng.chance(0.35)) {
    const photons = rng.chance(0.6) ? 2 : 1;
    for (let i = 0; i < photons; i++) {
      const angle = rng.uniform(0, 2 * Math.PI);
      const gap = 2 + rng.exponential(7);
      paintShower(map, rng, {
        h: vh + gap * Math.sin(angle),
        w: vw + gap * Math.cos(angle),
        angle,
        energy: rng.uniform(12, 45),
      });
    }
  }
  if (rng.chance(0.5)) map.depositDirect(vh, vw, rng.uniform(0.2, 0.6));
}

/** Isolated low-energy blips (radiological decays, Compton electrons): one to two pixels each. */
export function paintBlips(map: ChargeMap, rng: Rng, mean: number): void {
  const n = rng.poisson(mean);
  for (let i = 0; i < n; i++) {
    const h = rng.uniform(0, map.height);
    const w = rng.uniform(0, map.width);
    map.depositDirect(h, w, rng.uniform(0.24, 0.5));
    if (rng.chance(0.3)) map.depositDirect(h + rng.int(-1, 1), w + rng.int(-1, 1), rng.uniform(0.1, 0.3));
  }
}
