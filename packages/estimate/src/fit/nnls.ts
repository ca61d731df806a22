/**
 * Non-negative least squares (Lawson and Hanson's active-set method), for the small systems of the
 * cost laws (a handful of features, a few hundred rows). Minimises |A x - b|^2 subject to x >= 0.
 */

/** Unconstrained least squares on the columns in `cols` (normal equations, Gaussian elimination). */
function solveSubset(a: readonly number[][], b: readonly number[], cols: readonly number[]): number[] {
  const k = cols.length;
  const m: number[][] = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (let r = 0; r < a.length; r++) {
    const row = a[r]!;
    for (let i = 0; i < k; i++) {
      const ai = row[cols[i]!]!;
      for (let j = 0; j < k; j++) m[i]![j]! += ai * row[cols[j]!]!;
      m[i]![k]! += ai * b[r]!;
    }
  }
  for (let i = 0; i < k; i++) {
    let p = i;
    for (let r = i + 1; r < k; r++) if (Math.abs(m[r]![i]!) > Math.abs(m[p]![i]!)) p = r;
    [m[i], m[p]] = [m[p]!, m[i]!];
    const d = m[i]![i]!;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = 0; r < k; r++) {
      if (r === i) continue;
      const f = m[r]![i]! / d;
      for (let c = i; c <= k; c++) m[r]![c]! -= f * m[i]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-300 ? 0 : row[k]! / row[i]!));
}

export function nnls(a: readonly number[][], b: readonly number[], maxIter = 200): number[] {
  const n = a[0]?.length ?? 0;
  const x = new Array<number>(n).fill(0);
  const passive = new Set<number>();
  const gradient = () => {
    const w = new Array<number>(n).fill(0);
    for (let r = 0; r < a.length; r++) {
      const row = a[r]!;
      let res = b[r]!;
      for (let j = 0; j < n; j++) res -= row[j]! * x[j]!;
      for (let j = 0; j < n; j++) w[j]! += row[j]! * res;
    }
    return w;
  };
  for (let iter = 0; iter < maxIter; iter++) {
    const w = gradient();
    let best = -1;
    for (let j = 0; j < n; j++)
      if (!passive.has(j) && w[j]! > 1e-10 * (1 + Math.abs(w[j]!)) && (best < 0 || w[j]! > w[best]!))
        best = j;
    if (best < 0) break;
    passive.add(best);
    for (;;) {
      const cols = [...passive].sort((p, q) => p - q);
      const z = solveSubset(a, b, cols);
      if (z.every((v) => v > 0)) {
        x.fill(0);
        cols.forEach((c, i) => (x[c] = z[i]!));
        break;
      }
      // step back towards the feasible region until one passive variable reaches zero
      let alpha = 1;
      cols.forEach((c, i) => {
        if (z[i]! <= 0) alpha = Math.min(alpha, x[c]! / (x[c]! - z[i]!));
      });
      cols.forEach((c, i) => (x[c] = x[c]! + alpha * (z[i]! - x[c]!)));
      for (const c of cols)
        if (x[c]! <= 1e-12) {
          x[c] = 0;
          passive.delete(c);
        }
      if (passive.size === 0) break;
    }
  }
  return x;
}
