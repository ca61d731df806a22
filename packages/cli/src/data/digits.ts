import type { Dataset, EventGenerator, GenerateOptions } from './dataset';
import { generateDataset } from './dataset';
import { DIGIT_STROKES, strokeToPolyline } from './digit-strokes';
import { inflate } from './inflate';
import type { Rng } from './prng';
import { applyAffine, centreOfMass, rasterStrokes, type Affine } from './stroke-raster';

const M = 28; // MNIST-like canvas
const POOL = 3;
const POOLED = 9; // floor(28 / 3)
const SIZE = 48;
const PAD = 19; // (48 - 9) / 2 rounded down, as the paper pads: 19 before, 20 after
const THRESHOLD = 0.4;

/** A random writer's transform about the canvas centre: rotation, shear, scale, aspect, shift. */
function randomAffine(rng: Rng, shiftX: number, shiftY: number): Affine {
  const rot = Math.max(-0.4, Math.min(0.4, rng.normal(0, 0.17)));
  const shear = rng.normal(0, 0.18);
  const s = rng.uniform(0.8, 1.08);
  const sx = s * rng.normal(1, 0.08);
  const sy = s;
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  // x' = R * Shear * Scale * (x - 14) + 14 + shift
  const a = cos * sx;
  const b = cos * shear * sy - sin * sy;
  const d = sin * sx;
  const e = sin * shear * sy + cos * sy;
  const c0 = M / 2;
  return [a, b, c0 + shiftX - a * c0 - b * c0, d, e, c0 + shiftY - d * c0 - e * c0];
}

/** Draws a stroke digit on the 28x28 canvas, centred by centre of mass, then shifted. */
function drawDigit(rng: Rng, label: number, canvas: Float64Array): void {
  const variants = DIGIT_STROKES[label]!;
  const strokes = variants[rng.int(0, variants.length - 1)]!;
  const unit = strokes.map((s) => strokeToPolyline(rng, s, 0.025));
  const box = unit.map((pts) => pts.map(([x, y]): [number, number] => [4 + 20 * x, 4 + 20 * y]));
  const m = randomAffine(rng, 0, 0);
  const lines = box.map((pts) => pts.map(([x, y]) => applyAffine(m, x, y)));
  const width = rng.uniform(1.7, 3);
  rasterStrokes(lines, width, M, M, canvas);
  const [cr, cc] = centreOfMass(canvas, M, M);
  const dy = M / 2 - cr + rng.normal(0, 1);
  const dx = M / 2 - cc + rng.normal(0, 1);
  const moved = lines.map((pts) => pts.map(([x, y]): [number, number] => [x + dx, y + dy]));
  rasterStrokes(moved, width, M, M, canvas);
}

/** 3x3 average pooling (stride 3, 'valid') of the canvas into the centre of a zeroed 48x48 grid. */
function poolAndPad(canvas: Float64Array, grid: Float64Array): void {
  grid.fill(0);
  for (let r = 0; r < POOLED; r++) {
    for (let c = 0; c < POOLED; c++) {
      let s = 0;
      for (let i = 0; i < POOL; i++)
        for (let j = 0; j < POOL; j++) s += canvas[(r * POOL + i) * M + c * POOL + j]!;
      grid[(PAD + r) * SIZE + PAD + c] = s / (POOL * POOL);
    }
  }
}

/**
 * Sparse digits 48x48 as in the paper's sparse-MNIST preprocessing, from stroke-drawn digits
 * instead of MNIST: a random writer's transform, anti-aliased strokes on 28x28, centre-of-mass
 * centring, 3x3 average pooling to 9x9, zero padding to 48x48, division by the image maximum,
 * coordinates spread x3.5 about the centre, values < 0.4 zeroed. Typically 10-25 active pixels.
 */
export const digitsGenerator: EventGenerator = {
  name: 'digits',
  height: SIZE,
  width: SIZE,
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  generatorVersion: 1,
  activeThreshold: THRESHOLD,
  streamId: 0x6469,
  description: 'sparse stroke digits 48x48 (10 classes), pooled and spread x3.5 like the paper',
  drawEvent(rng: Rng, label: number, out: Float32Array): void {
    const canvas = new Float64Array(M * M);
    drawDigit(rng, label, canvas);
    const grid = new Float64Array(SIZE * SIZE);
    poolAndPad(canvas, grid);
    let max = 0;
    for (const v of grid) max = Math.max(max, v);
    if (max > 0) for (let i = 0; i < grid.length; i++) grid[i] = grid[i]! / max;
    inflate(grid, SIZE, SIZE, 3.5, out);
    for (let i = 0; i < out.length; i++) if (out[i]! < THRESHOLD) out[i] = 0;
  },
};

/** Generates `count` sparse digits (balanced over 0-9). */
export function generateDigits(opts: GenerateOptions): Dataset {
  return generateDataset(digitsGenerator, opts);
}
