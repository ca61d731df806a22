// The checksums the side-by-side run records per workload and mode, over the canonical output
// (CSR (n, outH*outW), duplicates summed, exact zeros dropped, indices sorted), with
// g = image*outH*outW + flat output index:
//   outNnz; checksum = correctly rounded sum of the values (Python's math.fsum);
//   wchecksum = correctly rounded sum of v*(1 + (g mod 1021)/1021);
//   patternHash = (sum of (g*2654435761 mod 2^32)) mod 2^32.
import type { SparseImages } from '../types';

export interface Checksums {
  outNnz: number;
  checksum: number;
  wchecksum: number;
  patternHash: number;
}

/** Exactly rounded sum (Shewchuk's partials with a final round-half-even fix, as math.fsum). */
export class ExactSum {
  private p = new Float64Array(32);
  private n = 0;

  add(x: number): void {
    const p = this.p;
    let i = 0;
    for (let j = 0, n = this.n; j < n; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (i === p.length) {
      this.p = new Float64Array(2 * p.length);
      this.p.set(p);
    }
    this.p[i] = x;
    this.n = i + 1;
  }

  value(): number {
    const p = this.p;
    let n = this.n;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

export function checksums(out: SparseImages): Checksums {
  const pixels = out.height * out.width;
  const sum = new ExactSum();
  const wsum = new ExactSum();
  let hash = 0;
  for (let img = 0; img < out.nImages; img++) {
    const base = img * pixels;
    for (let p = out.indptr[img]!; p < out.indptr[img + 1]!; p++) {
      const g = base + out.indices[p]!;
      const v = out.data[p]!;
      sum.add(v);
      wsum.add(v * (1 + (g % 1021) / 1021));
      hash = (hash + (Math.imul(g, 2654435761 | 0) >>> 0)) % 4294967296;
    }
  }
  return {
    outNnz: out.indptr[out.nImages]!,
    checksum: sum.value(),
    wchecksum: wsum.value(),
    patternHash: hash,
  };
}

/** The agreement rule of the side-by-side run: nnz and pattern exact, sums within 1e-12 relative. */
export const CHECKSUM_RTOL = 1e-12;

export function checksumsAgree(got: Checksums, want: Checksums, rtol = CHECKSUM_RTOL): boolean {
  const close = (a: number, b: number): boolean =>
    Math.abs(a - b) <= rtol * Math.max(Math.abs(a), Math.abs(b));
  return (
    got.outNnz === want.outNnz &&
    got.patternHash === want.patternHash &&
    close(got.checksum, want.checksum) &&
    close(got.wchecksum, want.wchecksum)
  );
}
