// Multiply-accumulate throughput of the fixed-point paths, as a kernel runs them:
// `acc += w * x` with acc quantized/overflowed into its own type at every step.
//   number raw path : acc = castRaw(acc·2^k + w·x, F, accT)    (allocation-free, W <= 53)
//   bigint raw path : acc = castRawBig(acc·2^k + w·x, F, accT)
//   FixedValue path : acc = accumulate(acc, mul(w, x))
// Usage: node benchmarks/run.mjs benchmarks/fixed-mac.ts [macsPerCase]
import {
  accumulate,
  apFixed,
  castRaw,
  castRawBig,
  fracBits,
  fromNumber,
  mul,
  type FixedType,
  type FixedValue,
} from '@sparsepixels/core';

interface Case {
  readonly name: string;
  readonly operand: FixedType;
  readonly acc: FixedType;
}

const CASES: Case[] = [
  { name: '8-bit  TRN/WRAP', operand: apFixed(8, 3), acc: apFixed(8, 3) },
  { name: '8-bit  RND_CONV/SAT', operand: apFixed(8, 3), acc: apFixed(8, 3, 'AP_RND_CONV', 'AP_SAT') },
  { name: '16-bit TRN/WRAP', operand: apFixed(16, 6), acc: apFixed(16, 6) },
  { name: '16-bit RND_CONV/SAT', operand: apFixed(16, 6), acc: apFixed(16, 6, 'AP_RND_CONV', 'AP_SAT') },
  { name: '40-bit acc, 16-bit operands', operand: apFixed(16, 6), acc: apFixed(40, 16, 'AP_RND', 'AP_SAT') },
  { name: '40-bit TRN/WRAP (80-bit products)', operand: apFixed(40, 10), acc: apFixed(40, 10) },
];

const total = Number(process.argv[2] ?? 4_000_000);
const LEN = 4096;

/** Deterministic pseudo-random operand values in [-4, 4). */
function operands(): { w: number[]; x: number[] } {
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 8;
  const w = Array.from({ length: LEN }, () => rnd());
  const x = Array.from({ length: LEN }, () => rnd());
  return { w, x };
}

let sink: unknown;

/** Operations per second of body(n) after a warm-up run. */
function timeIt(n: number, body: (n: number) => unknown): number {
  sink = body(Math.min(n, 200_000));
  const t0 = performance.now();
  sink = body(n);
  return n / ((performance.now() - t0) / 1000);
}

/** The exact MAC step on each path; k holds the alignment shifts to the common F. */
interface Shifts {
  readonly f: number;
  readonly accShift: number;
  readonly prodShift: number;
}

function shiftsOf(c: Case): Shifts {
  const fa = fracBits(c.acc);
  const fp = 2 * fracBits(c.operand);
  const f = Math.max(fa, fp);
  return { f, accShift: f - fa, prodShift: f - fp };
}

/** The number path is exact when every intermediate stays below 2^53. */
function numberPathExact(c: Case, k: Shifts): boolean {
  return c.acc.width + k.accShift < 53 && 2 * c.operand.width + k.prodShift < 53;
}

function runCase(c: Case): void {
  const { w, x } = operands();
  const wv = w.map((v) => fromNumber(v, c.operand));
  const xv = x.map((v) => fromNumber(v, c.operand));
  const wn = Float64Array.from(wv, (v) => Number(v.raw));
  const xn = Float64Array.from(xv, (v) => Number(v.raw));
  const wb = wv.map((v) => v.raw);
  const xb = xv.map((v) => v.raw);
  const k = shiftsOf(c);
  const ka = 2 ** k.accShift;
  const kp = 2 ** k.prodShift;
  const bka = BigInt(k.accShift);
  const bkp = BigInt(k.prodShift);
  const m = LEN - 1;

  const cols: string[] = [];
  const rate = (perSec: number): string => `${(perSec / 1e6).toFixed(2).padStart(6)} M MAC/s`;
  if (numberPathExact(c, k)) {
    const r = timeIt(total, (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc = castRaw(acc * ka + wn[i & m]! * xn[i & m]! * kp, k.f, c.acc);
      return acc;
    });
    cols.push(`number raw ${rate(r)}`);
  } else {
    cols.push('number raw    n/a (2^53)  ');
  }
  const big = timeIt(total / 8, (n) => {
    let acc = 0n;
    for (let i = 0; i < n; i++)
      acc = castRawBig((acc << bka) + ((wb[i & m]! * xb[i & m]!) << bkp), k.f, c.acc);
    return acc;
  });
  cols.push(`bigint raw ${rate(big)}`);
  const fv = timeIt(total / 16, (n) => {
    let acc: FixedValue = fromNumber(0, c.acc);
    for (let i = 0; i < n; i++) acc = accumulate(acc, mul(wv[i & m]!, xv[i & m]!));
    return acc;
  });
  cols.push(`FixedValue ${rate(fv)}`);
  const agree = pathsAgree(c, k, { wn, xn, wb, xb, wv, xv });
  console.log(`${c.name.padEnd(34)} ${cols.join('   ')}   paths agree: ${agree ? 'yes' : 'NO'}`);
}

interface Operands {
  readonly wn: Float64Array;
  readonly xn: Float64Array;
  readonly wb: bigint[];
  readonly xb: bigint[];
  readonly wv: FixedValue[];
  readonly xv: FixedValue[];
}

/** Runs the three paths side by side for 20,000 steps and compares the accumulators at each step. */
function pathsAgree(c: Case, k: Shifts, o: Operands): boolean {
  const useNumber = numberPathExact(c, k);
  let accN = 0;
  let accB = 0n;
  let accV: FixedValue = fromNumber(0, c.acc);
  for (let i = 0; i < 20_000; i++) {
    const j = i & (LEN - 1);
    if (useNumber)
      accN = castRaw(accN * 2 ** k.accShift + o.wn[j]! * o.xn[j]! * 2 ** k.prodShift, k.f, c.acc);
    accB = castRawBig(
      (accB << BigInt(k.accShift)) + ((o.wb[j]! * o.xb[j]!) << BigInt(k.prodShift)),
      k.f,
      c.acc,
    );
    accV = accumulate(accV, mul(o.wv[j]!, o.xv[j]!));
    if (accV.raw !== accB || (useNumber && BigInt(accN) !== accB)) return false;
  }
  return true;
}

console.log(
  `fixed-point multiply-accumulate, ${total.toLocaleString()} MACs per case (bigint /8, FixedValue /16)`,
);
for (const c of CASES) runCase(c);
void sink;
