/** A 2x3 affine map [a, b, c, d, e, f]: x' = a x + b y + c, y' = d x + e y + f. */
export type Affine = readonly [number, number, number, number, number, number];

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

/**
 * Rasterises polylines as anti-aliased strokes of the given width on an H x W grid: a pixel's
 * value is clamp(width/2 + 0.5 - distance to the nearest segment, 0, 1), measured from the pixel
 * centre. Coordinates are in pixels (x = column, y = row).
 */
export function rasterStrokes(
  lines: readonly (readonly [number, number])[][],
  width: number,
  H: number,
  W: number,
  out: Float64Array,
): void {
  out.fill(0);
  const reach = width / 2 + 0.5;
  for (const pts of lines) {
    for (let i = 0; i + 1 < pts.length; i++) {
      const [x0, y0] = pts[i]!;
      const [x1, y1] = pts[i + 1]!;
      const r0 = Math.max(0, Math.floor(Math.min(y0, y1) - reach));
      const r1 = Math.min(H - 1, Math.ceil(Math.max(y0, y1) + reach));
      const c0 = Math.max(0, Math.floor(Math.min(x0, x1) - reach));
      const c1 = Math.min(W - 1, Math.ceil(Math.max(x0, x1) + reach));
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const v = reach - segmentDistance(c + 0.5, r + 0.5, x0, y0, x1, y1);
          if (v > out[r * W + c]!) out[r * W + c] = Math.min(1, v);
        }
      }
    }
  }
}

function segmentDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/** Centre of mass (row, col) of a non-negative image, or the grid centre for an empty one. */
export function centreOfMass(img: Float64Array, H: number, W: number): [number, number] {
  let s = 0,
    sr = 0,
    sc = 0;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      const v = img[r * W + c]!;
      s += v;
      sr += v * (r + 0.5);
      sc += v * (c + 0.5);
    }
  }
  return s > 0 ? [sr / s, sc / s] : [H / 2, W / 2];
}
