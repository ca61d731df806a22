import { ChargeMap } from './charge-map';
import type { Dataset, EventGenerator, GenerateOptions } from './dataset';
import { generateDataset } from './dataset';
import { paintBlips, paintCosmic, paintNeutrino } from './neutrino-topology';
import type { Rng } from './prng';

/** The real windows zero pooled sums below 700 of 3200 (= 0.21875) and are multiples of 1/3200. */
export const NEUTRINO_FLOOR = 700 / 3200;
const LSB = 1 / 3200;
const SIZE = 63;

/**
 * LArTPC-like 63x63 windows (time x wire), one channel, values in [0, 1] with every non-zero
 * value >= 0.21875 (as after the paper's 4x8 sum-pooling, < 700 cut and /3200).
 * Label 1 (`neutrino`): an interaction vertex with 2-5 tracks and sometimes showers, plus a cosmic
 * muon in about a third of events; label 0 (`cosmic`): 1-3 cosmic muons crossing the window.
 * Both classes carry isolated blips. A minimum-ionising track is near the floor, so its pixels
 * come and go along its length, as in the real thresholded data.
 */
export const neutrinoGenerator: EventGenerator = {
  name: 'neutrino',
  height: SIZE,
  width: SIZE,
  classes: ['cosmic', 'neutrino'],
  generatorVersion: 1,
  activeThreshold: 0,
  streamId: 0x6e75,
  description:
    'LArTPC-like 63x63 windows: neutrino vertex with tracks/showers (1) vs cosmic muons and noise (0)',
  drawEvent(rng: Rng, label: number, out: Float32Array): void {
    const map = new ChargeMap(SIZE, SIZE);
    if (label === 1) {
      paintNeutrino(map, rng);
      if (rng.chance(0.35)) paintCosmic(map, rng);
    } else {
      const cosmics = 1 + rng.weighted([0.5, 0.35, 0.15]);
      for (let i = 0; i < cosmics; i++) paintCosmic(map, rng);
    }
    paintBlips(map, rng, 1.2);
    map.diffuse(0.07);
    for (let i = 0; i < out.length; i++) {
      const v = map.q[i]!;
      out[i] = v < NEUTRINO_FLOOR ? 0 : Math.min(1, Math.round(v / LSB) * LSB);
    }
  },
};

/** Generates `count` neutrino/cosmic windows (balanced classes). */
export function generateNeutrino(opts: GenerateOptions): Dataset {
  return generateDataset(neutrinoGenerator, opts);
}
