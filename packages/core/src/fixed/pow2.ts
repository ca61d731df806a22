const MIN_EXP = -1074;
const MAX_EXP = 1023;
const TABLE = new Float64Array(MAX_EXP - MIN_EXP + 1);
{
  // Built by exact doubling/halving, so every entry is exactly 2^e (down to the smallest subnormal).
  let up = 1;
  let down = 1;
  for (let e = 0; e <= Math.max(MAX_EXP, -MIN_EXP); e++) {
    if (e <= MAX_EXP) TABLE[e - MIN_EXP] = up;
    if (-e >= MIN_EXP) TABLE[-e - MIN_EXP] = down;
    up *= 2;
    down /= 2;
  }
}

/** Exactly 2^e as a double for -1074 <= e <= 1023 (callers keep e in that range). */
export function pow2(e: number): number {
  return TABLE[e - MIN_EXP] as number;
}

/** x * 2^e with the scaling split so no intermediate power overflows or underflows needlessly. */
export function scalePow2(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > MAX_EXP) {
    r *= pow2(MAX_EXP);
    k -= MAX_EXP;
  }
  while (k < -1022) {
    r *= pow2(-1022);
    k += 1022;
  }
  return r * pow2(k);
}
