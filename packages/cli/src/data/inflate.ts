/**
 * The paper's "inflate" step: every non-zero pixel of an H x W single-channel image moves to
 * round((pos - c) * factor + c) per axis, clipped to the grid, with c = (size - 1) / 2. Rounding
 * is half-to-even (numpy's `np.round`), and pixels are moved in row-major order, so when two land
 * on the same place the later one overwrites the earlier one.
 */
export function inflate(
  src: Float32Array | Float64Array,
  height: number,
  width: number,
  factor: number,
  out: Float32Array | Float64Array,
): void {
  out.fill(0);
  const ch = (height - 1) / 2;
  const cw = (width - 1) / 2;
  for (let h = 0; h < height; h++) {
    const nh = clamp(roundHalfEven((h - ch) * factor + ch), 0, height - 1);
    for (let w = 0; w < width; w++) {
      const v = src[h * width + w]!;
      if (v === 0) continue;
      const nw = clamp(roundHalfEven((w - cw) * factor + cw), 0, width - 1);
      out[nh * width + nw] = v;
    }
  }
}

/** Round to nearest, ties to even (as numpy's `np.round` / IEEE roundTiesToEven). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds ties up; move exact ties that landed on an odd number down to the even one
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
