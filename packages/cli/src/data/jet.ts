import type { Dataset, EventGenerator, GenerateOptions } from './dataset';
import { generateDataset } from './dataset';
import { inflate } from './inflate';
import { GLUON, QUARK, fragment, twoBody, underlyingEvent, type Constituent } from './jet-shower';
import type { Rng } from './prng';

const SOURCE = 100; // the source images are 100 x 100
const CROP = 22; // centre crop rows/cols 22..77
const SIZE = 56;
const CELL = 0.016; // Delta R per source pixel (our choice: 100 pixels span the R = 0.8 cone)
const M_W = 80.4;
const M_Z = 91.19;
const M_TOP = 172.7;

/** Draws the partons of one jet of class `label` (g, q, W, Z, t) into constituents. */
function drawPartons(rng: Rng, label: number, pt: number, out: Constituent[]): void {
  if (label === 0) return fragment(rng, out, GLUON, pt, 0, 0);
  if (label === 1) return fragment(rng, out, QUARK, pt, 0, 0);
  if (label === 2 || label === 3) {
    const m = rng.normal(label === 2 ? M_W : M_Z, 4); // natural width + resolution
    const [a, b] = twoBody(rng, m, pt, rng.uniform(0.15, 0.85), 0, 0);
    fragment(rng, out, QUARK, a.pt, a.y, a.x);
    fragment(rng, out, QUARK, b.pt, b.y, b.x);
    return;
  }
  // top: t -> b W (W massive: m_t^2 = m_W^2 / (1 - z) + z (1 - z) pt^2 dR^2), then W -> q q'
  const mt = rng.normal(M_TOP, 6);
  const mw = rng.normal(M_W, 4);
  const z = rng.uniform(0.15, Math.min(0.7, 1 - (mw * mw) / (mt * mt) - 0.05));
  const mEff = Math.sqrt(Math.max(mt * mt - (mw * mw) / (1 - z), 1));
  const [bq, w] = twoBody(rng, mEff, pt, z, 0, 0);
  const [q1, q2] = twoBody(rng, mw, w.pt, rng.uniform(0.15, 0.85), w.y, w.x);
  fragment(rng, out, QUARK, bq.pt, bq.y, bq.x);
  fragment(rng, out, QUARK, q1.pt, q1.y, q1.x);
  fragment(rng, out, QUARK, q2.pt, q2.y, q2.x);
}

/** pT-weighted sum in source pixels, centred on the constituents' pT-weighted axis. */
function pixelise(parts: readonly Constituent[], img: Float64Array): void {
  let sy = 0,
    sx = 0,
    st = 0;
  for (const p of parts) {
    sy += p.y * p.pt;
    sx += p.x * p.pt;
    st += p.pt;
  }
  const cy = sy / st;
  const cx = sx / st;
  for (const p of parts) {
    const r = Math.floor(SOURCE / 2 + (p.y - cy) / CELL);
    const c = Math.floor(SOURCE / 2 + (p.x - cx) / CELL);
    if (r >= CROP && c >= CROP && r < CROP + SIZE && c < CROP + SIZE)
      img[(r - CROP) * SIZE + (c - CROP)]! += p.pt;
  }
}

/**
 * Jet images 56x56 in the style of the hls4ml LHC jet dataset after the paper's preprocessing:
 * constituents' pT summed per pixel, centre crop, /1200 GeV, clip at 1, values <= 0.003 zeroed,
 * then coordinates spread x2 about the centre (so constituents beyond ~0.22 of the axis pile up on
 * the border, as in the paper). Classes by prong structure and mass: g (1 prong, wide, many
 * constituents), q (1 prong, narrow, harder), W / Z (2 prongs with separation set by mass 80.4 /
 * 91.2 GeV), t (3 prongs). Jet pT 900-1100 GeV.
 */
export const jetGenerator: EventGenerator = {
  name: 'jet',
  height: SIZE,
  width: SIZE,
  classes: ['g', 'q', 'W', 'Z', 't'],
  generatorVersion: 1,
  activeThreshold: 0,
  streamId: 0x6a65,
  description: 'jet images 56x56: g, q (1 prong), W, Z (2 prongs), t (3 prongs), x2 spread like the paper',
  drawEvent(rng: Rng, label: number, out: Float32Array): void {
    const pt = rng.uniform(900, 1100);
    const parts: Constituent[] = [];
    drawPartons(rng, label, pt, parts);
    underlyingEvent(rng, parts, 40);
    const img = new Float64Array(SIZE * SIZE);
    pixelise(parts, img);
    for (let i = 0; i < img.length; i++) {
      const v = Math.min(1, img[i]! / 1200);
      img[i] = v <= 0.003 ? 0 : v;
    }
    inflate(img, SIZE, SIZE, 2, out);
  },
};

/** Generates `count` jet images (balanced over g, q, W, Z, t). */
export function generateJet(opts: GenerateOptions): Dataset {
  return generateDataset(jetGenerator, opts);
}
